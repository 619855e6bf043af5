// 💣 The heartbeat is slower than the proxy's read timeout (1 s here, 60 s by default in
//    nginx): between two beats the proxy decides the stream is dead and cuts it.
// 🐨 Pick an interval safely under the shortest idle timeout on the path, with room for
//    a late beat or two.
/** Under every idle timeout on the path (here nginx's proxy_read_timeout, 1 s): a stream that speaks is not cut. */
export const HEARTBEAT_MS = 1500;
