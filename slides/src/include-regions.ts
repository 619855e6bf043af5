// Slides never hold copies of code: a deck line
//   <<< lessons/01-polling/src/server/long-poll-route.ts#long-poll
// is replaced by the code between `// #region long-poll` and `// #endregion`
// in that file. A missing file or region is an error, so a renamed function
// breaks the slides build instead of leaving a stale slide.
//
// A long region is walked a few lines at a time, never shown as one wall of
// code: `<<< path#region [1-12|13-24]` becomes reveal.js's step-by-step line
// highlighting (each step highlights its lines and scrolls them into view).

const INCLUDE = /^<<< (\S+?)#([\w-]+)(?:[ \t]+(\[[\d,| -]+\]))?[ \t]*$/gm;
const LANGUAGES: Record<string, string> = { ts: "ts", js: "js", html: "html", css: "css", json: "json" };

/** The lines between `#region name` and its `#endregion`, dedented. */
export function extractRegion(source: string, name: string, file = "source"): string {
  const lines = source.split(/\r?\n/);
  const start = lines.findIndex((line) => new RegExp(`#region ${name}\\s*(-->)?\\s*$`).test(line));
  if (start === -1) throw new Error(`${file}: no "#region ${name}"`);
  // Regions nest (an exercise marks a few lines inside a region a slide shows):
  // the matching #endregion is the first one at the same depth.
  let depth = 0;
  const end = lines.findIndex((line, i) => {
    if (i <= start) return false;
    if (/#region\b/.test(line)) depth++;
    else if (/#endregion/.test(line)) return depth-- === 0;
    return false;
  });
  if (end === -1) throw new Error(`${file}: "#region ${name}" has no #endregion`);
  const body = lines.slice(start + 1, end).filter((line) => !/#(end)?region\b/.test(line));
  const indent = Math.min(...body.filter((l) => l.trim()).map((l) => /^ */.exec(l)?.[0].length ?? 0));
  return body.map((line) => line.slice(Number.isFinite(indent) ? indent : 0)).join("\n");
}

/** Replaces every `<<< path#region` line with a fenced code block. */
export function expandIncludes(markdown: string, readFile: (path: string) => string): string {
  return markdown.replace(INCLUDE, (_line, path: string, region: string, steps?: string) => {
    let source: string;
    try {
      source = readFile(path);
    } catch {
      throw new Error(`slide include: cannot read ${path}`);
    }
    const language = LANGUAGES[path.split(".").pop() ?? ""] ?? "";
    const info = steps ? `${language} ${steps}` : language;
    return `\`\`\`${info}\n${extractRegion(source, region, path)}\n\`\`\``;
  });
}
