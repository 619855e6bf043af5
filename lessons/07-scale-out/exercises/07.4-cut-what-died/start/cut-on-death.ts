// 🐨 When an instance dies mid-stream, its response to the balancer stops half-way, and
//    http-proxy leaves the client's response open: the page waits forever on a stream
//    nobody writes, and EventSource never reconnects.
// 🐨 On each proxied response (proxy.on("proxyRes", (proxyRes, req, res) => …)), watch it
//    close; if it closed before it was complete (!proxyRes.complete), destroy the client's
//    response (res.destroy()) so the browser sees the drop and reconnects elsewhere.
