// The decks show the lessons' code as it is in their files. With an exercise's starting code
// in place, a deck would project the stub: `pnpm slides` says so when it starts.
import { findExercises, stubInPlace } from "@workshop/exercises";
import type { Plugin } from "vite";

export function stubNoticePlugin(): Plugin {
  return {
    name: "workshop-stub-notice",
    apply: "serve",
    configureServer() {
      for (const exercise of findExercises().filter(stubInPlace))
        console.warn(
          `⚠ ${exercise.id}'s starting code is in lesson ${exercise.lesson}'s files, so its deck shows the stub: \`pnpm exercise reset ${exercise.id}\` brings the lesson's code back.`,
        );
    },
  };
}
