    // 🐨 A browser always sends an Origin header with a WebSocket handshake, and CORS does
    //    NOT apply to WebSockets: any page on any site can open a socket to this server,
    //    with the user's cookies. Read req.headers.origin; when it is present and
    //    isAllowedOrigin(origin) says no, refuse(socket, 403, "Forbidden") before any
    //    WebSocket exists.
    // 🐨 No Origin at all means the client is not a browser (curl, a Node script): it cannot
    //    be a hijacked page, so let it through (it must authenticate like any API client).
