// Exercises never copy lesson code: an exercise names a region of a lesson
// file (`// #region name` … `// #endregion`, the same markers the slides
// include) and replaces only the lines between the markers. Regions may
// nest: an exercise can stub three lines inside a region a slide shows whole.

export interface RegionSpan {
  /** Index of the `#region` line. */
  open: number;
  /** Index of its matching `#endregion` line. */
  close: number;
}

const OPEN = /#region\s+([\w-]+)/;
const CLOSE = /#endregion\b/;

/** Where `name` opens and closes in `lines`, matching nested markers by depth. */
export function findRegion(lines: string[], name: string, file = "source"): RegionSpan {
  const open = lines.findIndex((line) => OPEN.exec(line)?.[1] === name);
  if (open === -1) throw new Error(`${file}: no "#region ${name}"`);
  let depth = 0;
  for (let i = open + 1; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (OPEN.test(line)) depth++;
    else if (CLOSE.test(line)) {
      if (depth === 0) return { open, close: i };
      depth--;
    }
  }
  throw new Error(`${file}: "#region ${name}" has no #endregion`);
}

/** The text between the markers, exactly as in the file (indentation kept). */
export function readRegion(source: string, name: string, file?: string): string {
  const lines = source.split("\n");
  const { open, close } = findRegion(lines, name, file);
  return lines.slice(open + 1, close).join("\n");
}

/**
 * `source` with the text between the markers replaced by `body`. A body
 * written flush left (a stub file, as a formatter leaves it) is indented like
 * the `#region` line; a body that has its own indentation is kept as it is.
 */
export function replaceRegion(source: string, name: string, body: string, file?: string): string {
  const lines = source.split("\n");
  const { open, close } = findRegion(lines, name, file);
  const inner = body === "" ? [] : body.replace(/\n$/, "").split("\n");
  const indent = /^\s*/.exec(lines[open] ?? "")?.[0] ?? "";
  const flushLeft = inner.some((line) => line.trim() !== "" && !/^\s/.test(line));
  const placed = flushLeft ? inner.map((line) => (line.trim() === "" ? line : indent + line)) : inner;
  return [...lines.slice(0, open + 1), ...placed, ...lines.slice(close)].join("\n");
}
