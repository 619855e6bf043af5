// 🐨 Two sends of one message at the same moment (a double click, a retry that overtook the
//    first answer) reach this process together. The second must not go to the store on its
//    own, racing the first for the chat's run: it joins the first send, the one in flight in
//    `sending`, and answers with the same run, marked repeated.
//   1. Key each send by its chat and what it asks for: the message id, or for a regenerate,
//      the message it regenerates (kept apart from a send of that very message).
//   2. A key already in flight: answer with that send's result, `repeated: true`.
//   3. Else start it (sendOnce), and keep its promise under the key while it is in flight,
//      and only then, however it settles: a later regenerate is a new answer, and a send
//      that failed may be sent again.
return sendOnce(chatId, body, client);
