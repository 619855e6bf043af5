// 💣 Tool calls are ignored: the model asked for get_weather, and nobody heard.
// 🐨 For each piece in delta.tool_calls: find the call by piece.index in `calls`;
//    the first piece of a call carries its id and function.name: remember them
//    and yield { type: "tool-call-start", id, name }.
// 🐨 Every piece may carry function.arguments: a FRAGMENT of JSON text. Append it
//    to the call's args (parsed once, after [DONE]) and yield a "tool-call-delta".
// 💰 Pieces of two calls can interleave: the index, not the order, says whose they are.
