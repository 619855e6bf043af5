// 🐨 Schedule ONE notify for the next frame, and only when none is pending: every other
//    token of that frame rides along, and readers hear once, with all of them.
// 💣 Below: a listener call per token, what `setState` per token does.
notify();
