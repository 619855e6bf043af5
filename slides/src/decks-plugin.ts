// A Vite plugin serving `virtual:decks`: every decks/NN-slug.md with its code
// includes expanded. Errors surface in the dev overlay and fail `vite build`.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Plugin } from "vite";
import { expandIncludes } from "./include-regions.ts";

export interface Deck {
  name: string;
  title: string;
  markdown: string;
}

const ID = "virtual:decks";
const RESOLVED = `\0${ID}`;

export function loadDecks(decksDir: string, repoRoot: string): Deck[] {
  return readdirSync(decksDir)
    .filter((file) => /^\d{2}-[\w-]+\.md$/.test(file))
    .sort()
    .map((file) => {
      const source = readFileSync(join(decksDir, file), "utf8");
      const markdown = expandIncludes(source, (path) => readFileSync(join(repoRoot, path), "utf8"));
      const title = /^# (.+)$/m.exec(markdown)?.[1] ?? file;
      return { name: file.replace(/\.md$/, ""), title, markdown };
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
