// 🐨 4. When the client leaves, the response emits "close" (once). Then:
//       - set `closed = true` (send() must stop writing),
//       - take the response out of the heartbeat set: heartbeat?.delete(res),
//       - abort the controller, if anyone asked for the signal: controller?.abort().
//       The job route waits on that signal: without it, it waits for tokens forever.
