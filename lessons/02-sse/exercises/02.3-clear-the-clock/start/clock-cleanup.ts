// 🐨 The client can leave at any moment: a closed tab, a reload, a dropped network.
//    Node tells you with a "close" event on the response (`res`).
// 🐨 When it fires, stop the interval above, or it keeps ticking, writing to a
//    socket nobody reads, for as long as the server runs.
