// The lesson list is the folders under lessons/, never a hand-kept list.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

export interface Lesson {
  /** "01-polling" */
  folder: string;
  /** "01" */
  number: string;
  /** "polling" */
  slug: string;
  /** "@workshop/01-polling" */
  packageName: string;
  /** One line from the package's description. */
  title: string;
  /** The same line in Chinese (the package's descriptionZh), for the Chinese guides. */
  titleZh: string;
}

export type GuideLanguage = "en" | "zh";

const LESSON_FOLDER = /^(\d{2})-([a-z0-9-]+)$/;

export const repoRoot = new URL("..", import.meta.url).pathname;

export function findLessons(root = repoRoot): Lesson[] {
  const dir = join(root, "lessons");
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && LESSON_FOLDER.test(entry.name))
    .filter((entry) => existsSync(join(dir, entry.name, "package.json")))
    .map((entry) => {
      const [, number = "", slug = ""] = LESSON_FOLDER.exec(entry.name) ?? [];
      const pkg = JSON.parse(readFileSync(join(dir, entry.name, "package.json"), "utf8"));
      const title = pkg.description ?? slug;
      return {
        folder: entry.name,
        number,
        slug,
        packageName: pkg.name,
        title,
        titleZh: pkg.descriptionZh ?? title,
      };
    })
    .sort((a, b) => a.folder.localeCompare(b.folder));
}

/** "01", "1", "polling", "01-polling" or a unique start of a slug all name a lesson. */
export function matchLesson(lessons: Lesson[], query: string): Lesson | Lesson[] | undefined {
  const q = query.trim().toLowerCase();
  const exact = lessons.find(
    (l) => l.folder === q || l.slug === q || l.number === q.padStart(2, "0") || l.packageName === q,
  );
  if (exact) return exact;
  const partial = lessons.filter((l) => l.slug.startsWith(q) || l.slug.split("-").includes(q));
  if (partial.length === 1) return partial[0];
  return partial.length > 1 ? partial : undefined;
}

/** One line per lesson; `extra` adds a note after the title (the picker's exercise progress). */
export function describeLessons(
  lessons: Lesson[],
  extra: (folder: string) => string = () => "",
  language: GuideLanguage = "en",
): string {
  return lessons
    .map((l) => {
      const note = extra(l.folder);
      const title = language === "zh" ? l.titleZh : l.title;
      return `  ${l.number}  ${l.slug.padEnd(14)} ${title}${note ? `\n      ${note}` : ""}`;
    })
    .join("\n");
}
