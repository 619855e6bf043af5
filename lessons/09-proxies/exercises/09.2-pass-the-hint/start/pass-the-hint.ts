// 💣 Two nginx, and the reply arrives all at once. The inner one honors the app's
//    X-Accel-Buffering: no, but (nginx's default for X-Accel-* headers) does not pass
//    it on; the outer one compresses, never hears the hint, and buffers.
// 🐨 Tell the inner nginx to pass the header on to the outer one: proxy_pass_header.
directives: [],
