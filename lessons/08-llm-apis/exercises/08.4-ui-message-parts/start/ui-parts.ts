// 💣 Deltas with nothing around them: the AI SDK's reader rejects a text-delta whose
//    part was never started, so useChat shows nothing.
// 🐨 Keep the part being written in `openPart` ({ kind, id }). Before a delta of
//    another kind (text after reasoning), close the open one: `${kind}-end` with its id.
// 🐨 Then start the new one: a fresh id, and emit `${kind}-start` with it.
// 🐨 `close` is also called by write() before tool events, and at the end of the stream.
let openPart: { kind: "text" | "reasoning"; id: string } | undefined;
const close = () => {};
const delta = (kind: "text" | "reasoning", text: string) => {
  emit({ type: `${kind}-delta`, id: `${kind}-1`, delta: text });
};
