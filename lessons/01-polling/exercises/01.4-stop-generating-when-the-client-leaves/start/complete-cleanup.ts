// 🐨 The user may give up while the model is still generating: a closed tab, a
//    reload, the Stop button. The response emits "close" then. When it does:
//    1. release() the client's slot (or after a few reloads it gets 429 for good),
//    2. controller.abort(): the generation loop below stops, and so does the bill.
