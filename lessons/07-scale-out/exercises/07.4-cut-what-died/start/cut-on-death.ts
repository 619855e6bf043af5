// 🐨 When an instance dies mid-stream, its response to the balancer stops half-way, and
//    http-proxy leaves the client's response open: the page waits forever on a stream
//    nobody writes, and EventSource never reconnects.
// 🐨 Watch each response the proxy gets from an instance: when it closes before it was
//    complete, destroy the client's response too, so the browser sees the drop and
//    reconnects (to another instance, which resumes from Redis).
