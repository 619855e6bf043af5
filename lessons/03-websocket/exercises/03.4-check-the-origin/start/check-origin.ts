    // 🐨 A browser always sends an Origin header with a WebSocket handshake, and CORS does
    //    NOT apply to WebSockets: any page on any site can open a socket to this server,
    //    with the user's cookies. So read the handshake's Origin; when there is one and
    //    `isAllowedOrigin` says no, answer 403 Forbidden (`refuse`, below, writes that
    //    answer on the raw socket) and return, before any WebSocket exists.
    // 🐨 No Origin at all means the client is not a browser (curl, a Node script): it cannot
    //    be a hijacked page, so let it through (it must authenticate like any API client).
