// A reply rendered at every length it can have while it streams (one more character
// each time), judged by the kinds of blocks each render shows: a block that
// appeared as one kind and later became another is what a reader sees as flicker.
import { Marked } from "marked";
import { describe, expect, it } from "vitest";
import { settledMarkdown } from "../src/client/settled-markdown.ts";
import { changedKinds, TABLE_AND_CODE_REPLY } from "./table-and-code-reply.ts";

// The page's markdown options (src/client/markdown.ts): GFM, single newlines as <br>.
const lexer = new Marked({ gfm: true, breaks: true });
const blockKinds = (markdown: string) =>
  lexer
    .lexer(markdown)
    .filter((token) => token.type !== "space")
    .map((token) => token.type);

const REPLY = TABLE_AND_CODE_REPLY;

/** Renders the reply at every length it has while it streams, and says where a block changed kind. */
const flickers = (render: (prefix: string) => string) =>
  changedKinds(Array.from({ length: REPLY.length }, (_, i) => blockKinds(render(REPLY.slice(0, i + 1)))));

describe("rendering an unfinished markdown reply", () => {
  it("rendered as it stands, a table's header first shows as a paragraph, and a fence being typed as text", () => {
    expect(flickers((prefix) => prefix)).toEqual(
      expect.arrayContaining(["block 1: paragraph → table", "block 2: paragraph → code"]),
    );
  });

  it("settled, every block appears once as what it is: no paragraph turns into a table or a code block", () => {
    expect(flickers(settledMarkdown)).toEqual([]);
  });

  it("settled, code shows as it comes, inside a block the renderer closes, and never the closing fence half typed", () => {
    const inCode = REPLY.indexOf("source.onmessage") + "source.on".length;
    expect(settledMarkdown(REPLY.slice(0, inCode))).toBe(`${REPLY.slice(0, inCode)}\n\`\`\`\n`);
    const halfClosed = REPLY.indexOf("```\n\n~~~") + 2; // "``" of the closing fence
    expect(settledMarkdown(REPLY.slice(0, halfClosed))).toBe(`${REPLY.slice(0, halfClosed - 2)}\`\`\`\n`);
  });

  it("settled, a table row appears whole, when its line ends, and the header only with its delimiter row", () => {
    const header = REPLY.indexOf("| --- |");
    expect(settledMarkdown(REPLY.slice(0, header))).toBe(REPLY.slice(0, REPLY.indexOf("| Transport")));
    const row = REPLY.indexOf("| WebSocket") + 5;
    expect(settledMarkdown(REPLY.slice(0, row))).toBe(REPLY.slice(0, REPLY.indexOf("| WebSocket")));
  });

  it("settled, plain text and inline code stream a character at a time, and the finished reply is left as it is", () => {
    const last = REPLY.indexOf("Pick by") + 4;
    expect(settledMarkdown(REPLY.slice(0, last))).toBe(REPLY.slice(0, last));
    expect(settledMarkdown("Call `fetch` now")).toBe("Call `fetch` now");
    expect(settledMarkdown(REPLY)).toBe(REPLY);
  });
});
