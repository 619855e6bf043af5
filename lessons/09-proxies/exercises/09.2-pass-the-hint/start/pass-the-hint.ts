// 💣 Two nginx, and the reply arrives all at once. The inner one honors the app's
//    X-Accel-Buffering: no, but (nginx's default for X-Accel-* headers) does not pass
//    it on; the outer one compresses, never hears the hint, and buffers.
// 🐨 Tell the inner nginx to pass that header on to the outer one, so the hint reaches
//    every proxy on the path.
directives: [],
