// A Vite plugin serving `virtual:decks`: every decks/NN-slug.md with its code
// includes expanded. Errors surface in the dev overlay and fail `vite build`.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Plugin } from "vite";
import { expandIncludes } from "./include-regions.ts";

export interface Deck {
  name: string;
  title: string;
  markdown: string;
  /** The deck in Chinese (NN-slug.zh-CN.md beside it), for `?lang=zh`. */
  zh?: { title: string; markdown: string };
}

const ID = "virtual:decks";
const RESOLVED = `\0${ID}`;

export function loadDecks(decksDir: string, repoRoot: string): Deck[] {
  const load = (file: string) => {
    const source = readFileSync(join(decksDir, file), "utf8");
    const markdown = expandIncludes(source, (path) => readFileSync(join(repoRoot, path), "utf8"));
    return { title: /^# (.+)$/m.exec(markdown)?.[1] ?? file, markdown };
  };
  return readdirSync(decksDir)
    .filter((file) => /^\d{2}-[\w-]+\.md$/.test(file))
    .sort()
    .map((file) => {
      const twin = file.replace(/\.md$/, ".zh-CN.md");
      const zh = existsSync(join(decksDir, twin)) ? load(twin) : undefined;
      return { name: file.replace(/\.md$/, ""), ...load(file), ...(zh ? { zh } : {}) };
    });
}

export function decksPlugin({ decksDir, repoRoot }: { decksDir: string; repoRoot: string }): Plugin {
  return {
    name: "workshop-decks",
    resolveId: (id) => (id === ID ? RESOLVED : undefined),
    load(id) {
      if (id === RESOLVED) return `export const decks = ${JSON.stringify(loadDecks(decksDir, repoRoot))};`;
    },
    configureServer(server) {
      // Lessons live outside the slides root: watch them so code edits reach the slides.
      server.watcher.add(join(repoRoot, "lessons"));
    },
    handleHotUpdate({ server, file }) {
      if (file.startsWith(decksDir) || file.startsWith(join(repoRoot, "lessons"))) {
        const module = server.moduleGraph.getModuleById(RESOLVED);
        if (module) server.moduleGraph.invalidateModule(module);
        server.ws.send({ type: "full-reload" });
      }
    },
  };
}
