// 💣 Deltas with nothing around them: the AI SDK's reader rejects a text-delta whose
//    part was never started, so useChat shows nothing.
// 🐨 Keep the part being written in `openPart` (its kind and id). A delta of another
//    kind (text after reasoning) means that part is over: close it, with an end chunk
//    that carries its id.
// 🐨 Then open the new part: give it a fresh id, and say it starts before its first delta.
//    Every delta carries the id of the part it belongs to.
// 🐨 `close` is also called by write() before tool events, and at the end of the stream:
//    it must say nothing when no part is open.
let openPart: { kind: "text" | "reasoning"; id: string } | undefined;
const close = () => {};
const delta = (kind: "text" | "reasoning", text: string) => {
  emit({ type: `${kind}-delta`, id: `${kind}-1`, delta: text });
};
