// 💣 Tool calls are ignored: the model asked for get_weather, and nobody heard.
// 🐨 For each piece in delta.tool_calls, find the call it belongs to in `calls`. A call's
//    first piece is the only one with its id and function name: that is when the call
//    starts, so remember them and tell the page (a "tool-call-start" event).
// 🐨 Any piece may carry a FRAGMENT of the arguments' JSON text. Add it to what the call
//    has so far (it is parsed once, after [DONE]) and pass it on as a "tool-call-delta",
//    so the page can show the arguments filling in.
// 💰 Pieces of two calls can interleave: the index, not the order, says whose they are.
