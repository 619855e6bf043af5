// A reply with a table and two code blocks, and the judge of flicker: given the kinds of
// blocks each render showed, in order, where a block changed kind ("block 1: paragraph →
// table"). Used by the renderer's unit test and the page's Chromium test.
export const TABLE_AND_CODE_REPLY = [
  "Two ways to stream:",
  "",
  "| Transport | Reconnects |",
  "| --- | --- |",
  "| SSE | by itself |",
  "| WebSocket | your code |",
  "",
  "```ts",
  "const source = new EventSource(url);",
  "source.onmessage = (event) => show(event.data);",
  "```",
  "",
  "~~~",
  "data: hello",
  "~~~",
  "",
  "Pick by direction.",
].join("\n");

export function changedKinds(renders: readonly (readonly string[])[]): string[] {
  const found = new Set<string>();
  let shown: readonly string[] = [];
  for (const kinds of renders) {
    shown.forEach((kind, block) => {
      const now = kinds[block];
      if (now !== undefined && now !== kind) found.add(`block ${block}: ${kind} → ${now}`);
    });
    shown = kinds;
  }
  return [...found];
}
