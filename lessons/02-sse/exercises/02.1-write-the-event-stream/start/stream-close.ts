// 🐨 4. When the client leaves, the response emits "close" (once). Then, three things:
//       - remember the stream is closed (the `closed` flag), so send() stops writing,
//       - take this response out of the heartbeat set, if it has one: no more comments
//         written to a socket that is gone,
//       - abort the controller, if anyone asked for the signal (it is made on first use,
//         below). The job route waits on that signal: without it, it waits for tokens forever.
