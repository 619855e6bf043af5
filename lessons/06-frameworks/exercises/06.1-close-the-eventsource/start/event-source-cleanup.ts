// 🐨 An effect that opens a connection must return a cleanup that closes it:
//    return () => { … }.
// 🐨 In it: source.close(), and count("eventSources", -1) so the page's panel stays true.
// 💡 React's StrictMode runs effect → cleanup → effect in development. Without a cleanup,
//    the first EventSource is never closed: watch "EventSources open" say 2.
