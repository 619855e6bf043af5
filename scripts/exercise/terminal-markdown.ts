// Tasks and hints are Markdown files: in the terminal they are rendered (headings, bold,
// code in colour, links with their address) instead of printed with their ** and ```.
// With NO_COLOR or no colour support, the same text without the marks.
import { Marked } from "marked";
import { markedTerminal } from "marked-terminal";

const terminal = new Marked(
  markedTerminal({ reflowText: false, width: Math.min(process.stdout.columns || 100, 100), tab: 2 }) as never,
);

export function renderMarkdown(markdown: string): string {
  return (terminal.parse(markdown) as string).trimEnd();
}
