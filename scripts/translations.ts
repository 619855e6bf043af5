// The English guides and their Chinese twins (README.md ↔ README.zh-CN.md), and
// what keeps the two in step. A translation says the same thing in its own
// words, so words are never compared: the skeleton is. Both files must have
// the same headings by level, the same code blocks byte for byte, the same
// link targets, and tables of the same shapes. Each links to the other at the top.
import { existsSync, readdirSync } from "node:fs";
import { basename, join, relative } from "node:path";
import { findLessons, repoRoot } from "./lessons.ts";

/** The Chinese twin of an English markdown file: README.md → README.zh-CN.md. */
export const twinOf = (path: string): string => path.replace(/\.md$/, ".zh-CN.md");

/** Every guide a class reads, relative to the repo: the root, the teaching guide, each tool, lesson and exercise. */
export function guides(root = repoRoot): string[] {
  const files = ["README.md", "docs/teaching.md"];
  const tools = join(root, "tools");
  if (existsSync(tools)) for (const tool of readdirSync(tools).sort()) files.push(`tools/${tool}/README.md`);
  for (const lesson of findLessons(root)) {
    files.push(`lessons/${lesson.folder}/README.md`);
    const exercises = join(root, "lessons", lesson.folder, "exercises");
    if (!existsSync(exercises)) continue;
    for (const entry of readdirSync(exercises, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    ))
      if (entry.isDirectory() && existsSync(join(exercises, entry.name, "README.md")))
        files.push(relative(root, join(exercises, entry.name, "README.md")));
  }
  return files.filter((file) => existsSync(join(root, file)));
}

export interface Skeleton {
  /** Heading levels in order: [1, 2, 2, 3, …]. */
  headings: number[];
  /** Fenced code blocks, info string and body, exactly. */
  code: string[];
  /** Link targets in order, a Chinese twin's name read as its English file's. */
  links: string[];
  /** Tables as "columns×rows" (header and body rows), in order. */
  tables: string[];
}

const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const HEADING = /^(#{1,6})\s/;
const TABLE_DELIMITER = /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/;
const LINK = /\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g;

const cells = (row: string) => row.trim().replace(/^\|/, "").replace(/\|$/, "").split("|").length;

export function skeletonOf(markdown: string): Skeleton {
  const skeleton: Skeleton = { headings: [], code: [], links: linksOf(markdown), tables: [] };
  const lines = markdown.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    const fence = FENCE.exec(line)?.[1];
    if (fence) {
      const body: string[] = [line.trim()];
      while (++i < lines.length && !(lines[i] ?? "").trim().startsWith(fence)) body.push(lines[i] ?? "");
      skeleton.code.push(body.join("\n"));
      continue;
    }
    const heading = HEADING.exec(line)?.[1];
    if (heading) skeleton.headings.push(heading.length);
    if (line.trimStart().startsWith("|") && TABLE_DELIMITER.test(lines[i + 1] ?? "")) {
      let rows = 1;
      for (i += 1; (lines[i + 1] ?? "").trimStart().startsWith("|"); i++) rows++;
      skeleton.tables.push(`${cells(line)}×${rows}`);
    }
  }
  return skeleton;
}

/** Every link target outside code, in order. */
function linksOf(markdown: string): string[] {
  const links: string[] = [];
  let fence = "";
  for (const line of markdown.split("\n")) {
    const marker = FENCE.exec(line)?.[1];
    if (fence) {
      if (line.trim().startsWith(fence)) fence = "";
      continue;
    }
    if (marker) {
      fence = marker;
      continue;
    }
    for (const [, target = ""] of line.replace(/`[^`]*`/g, "").matchAll(LINK))
      links.push(target.replace(/\.zh-CN\.md(?=$|#)/, ".md"));
  }
  return links;
}

/** What differs between an English guide and its Chinese twin; empty when they are in step. */
export function driftBetween(english: string, chinese: string, file = "README.md"): string[] {
  const en = skeletonOf(english);
  const zh = skeletonOf(chinese);
  const problems: string[] = [];
  if (en.headings.join() !== zh.headings.join())
    problems.push(`headings by level differ: en ${en.headings.join("")}, zh ${zh.headings.join("")}`);
  en.code.forEach((block, i) => {
    if (zh.code[i] !== block) problems.push(`code block ${i + 1} differs or is missing:\n${block}`);
  });
  if (zh.code.length > en.code.length)
    problems.push(`zh has ${zh.code.length - en.code.length} more code blocks`);
  const missing = en.links.filter((link) => !zh.links.includes(link));
  const extra = zh.links.filter((link) => !en.links.includes(link));
  if (missing.length) problems.push(`links missing in zh: ${[...new Set(missing)].join(", ")}`);
  if (extra.length) problems.push(`links only in zh: ${[...new Set(extra)].join(", ")}`);
  if (en.tables.join() !== zh.tables.join())
    problems.push(`table shapes differ: en ${en.tables.join(" ")}, zh ${zh.tables.join(" ")}`);
  const name = basename(file);
  const top = (text: string) => text.split("\n").slice(0, 5).join("\n");
  if (!top(english).includes(`](${basename(twinOf(file))})`))
    problems.push(`the English file does not link to ${basename(twinOf(file))} in its first lines`);
  if (!top(chinese).includes(`](${name})`))
    problems.push(`the Chinese file does not link to ${name} in its first lines`);
  return problems;
}
