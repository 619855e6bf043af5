// A reply still being written is markdown cut at an arbitrary character, and
// the same characters can mean different things once the next line arrives:
// "| a | b |" is a paragraph until a "|---|---|" line makes it a table's
// header, and "``" is text until a third backtick opens a code block. Render
// the raw prefix and the page flickers: a block appears as one thing and
// turns into another a frame later. settledMarkdown() returns the part of the
// reply whose shape can no longer change, so each block appears once, as what
// it is. The whole reply is rendered as it is when it ends.
//
// Fences and tables follow CommonMark §4.5 and GFM §4.10 (tables).

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const TABLE_ROW = /^ {0,3}\|/;

/** The opening fence of a code block the lines leave open, or "" when none is open. */
function openFence(lines: readonly string[]): string {
  let open = "";
  for (const line of lines) {
    const marker = FENCE.exec(line)?.[1];
    if (!marker) continue;
    if (!open) open = marker;
    // A closing fence: the same character, at least as long, nothing after it.
    else if (marker[0] === open[0] && marker.length >= open.length && line.trim() === marker) open = "";
  }
  return open;
}

// #region settled-markdown
export function settledMarkdown(text: string): string {
  const end = text.lastIndexOf("\n") + 1;
  const lines = text.slice(0, end).split("\n").slice(0, -1); // the finished lines
  const tail = text.slice(end); // the line being written
  const fence = openFence(lines);

  if (fence) {
    // Inside a code block: show the code as it comes, and close the block ourselves.
    // A tail of only fence characters may be the closing fence being typed: wait for it.
    const closing = new RegExp(`^ {0,3}\\${fence[0]}*$`).test(tail);
    return `${text.slice(0, end)}${closing ? "" : `${tail}\n`}${fence}\n`;
  }

  let settled = lines;
  // The last finished line may be a table's header, waiting for its delimiter row.
  const last = lines.at(-1) ?? "";
  const beforeLast = lines.at(-2) ?? "";
  if (TABLE_ROW.test(last) && !TABLE_ROW.test(beforeLast)) settled = lines.slice(0, -1);
  // A tail that may be a fence being opened ("``", "```ts") or a table row waits for its line ending.
  const held = /^ {0,3}(`+|~+)$/.test(tail) || FENCE.test(tail) || TABLE_ROW.test(tail) || settled !== lines;
  return [...settled, held ? "" : tail].join("\n");
}
// #endregion
