// 🐨 The store must remember whether a frame is already scheduled: keep the pending
//    frame's handle, with 0 meaning "none pending".
// 🐨 notify runs on that frame, or earlier (flush, reset). Either way, nothing is pending
//    after it: cancel the pending frame (so it does not tell readers a second time),
//    forget its handle, then tell every listener.
const notify = () => {
  for (const listener of listeners) listener();
};
