// 🐨 Schedule ONE notify for the next frame, unless one is already scheduled:
//    `frame ||= schedule(notify)`: every other token of that frame rides along.
// 💣 Below: a listener call per token, what `setState` per token does.
notify();
