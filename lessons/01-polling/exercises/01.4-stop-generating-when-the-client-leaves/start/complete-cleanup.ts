// 🐨 The user may give up while the model is still generating: a closed tab, a
//    reload, the Stop button. The response (not the request) emits "close" then.
//    When it does:
//    1. give the client's slot back (`release`, from above), or after a few reloads
//       this client gets 429 for good,
//    2. cancel the generation: the loop below passes `controller.signal` to the model,
//       so aborting that controller stops the loop, and the bill.
