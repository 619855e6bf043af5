// The README shows each path's nginx directives between markers; they are
// rendered from the same PATHS the running nginx is, so they cannot drift
// (test/readme-excerpts.test.ts; `pnpm --filter @workshop/09-proxies excerpts` rewrites them).
import { excerpt } from "./nginx-config.ts";
import { PATHS } from "./paths.ts";

export const markers = (name: string) => ({
  start: `<!-- nginx:${name}:start (rendered from src/server/paths.ts) -->`,
  end: `<!-- nginx:${name}:end -->`,
});

/** Strips the indentation every line shares (comments at column 0 aside). */
function dedent(text: string): string {
  const lines = text.split("\n");
  const depth = Math.min(
    ...lines.filter((l) => l.trim() && !l.startsWith("#")).map((l) => l.length - l.trimStart().length),
  );
  return lines.map((l) => (l.startsWith("#") ? l : l.slice(depth))).join("\n");
}

/** Every marked excerpt in `readme`, rewritten from the paths. */
export function withExcerpts(readme: string): string {
  let out = readme;
  for (const path of PATHS) {
    const { start, end } = markers(path.name);
    const from = out.indexOf(start);
    const to = out.indexOf(end);
    if (from === -1 || to === -1) continue;
    const block = `${start}\n\`\`\`nginx\n${dedent(excerpt(path))}\n\`\`\`\n${end}`;
    out = `${out.slice(0, from)}${block}${out.slice(to + end.length)}`;
  }
  return out;
}
