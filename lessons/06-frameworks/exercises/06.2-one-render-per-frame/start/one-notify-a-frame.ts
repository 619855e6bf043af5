// 🐨 Keep the pending frame's handle: `let frame = 0;` (0: none is pending).
// 🐨 notify: cancel the pending frame (cancel(frame)), set it back to 0, then call every listener.
const notify = () => {
  for (const listener of listeners) listener();
};
