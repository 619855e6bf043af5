// 🐨 An effect that opens a connection must tell React how to close it: give the
//    effect a cleanup, which React runs before the effect runs again and on unmount.
// 🐨 In it, close the EventSource (no more events, no reconnect), and take it off the
//    page's "EventSources open" count, so the panel says what is really open.
// 💡 React's StrictMode runs effect → cleanup → effect in development. Without a cleanup,
//    the first EventSource is never closed: watch "EventSources open" say 2.
