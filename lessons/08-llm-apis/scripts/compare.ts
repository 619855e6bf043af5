// `pnpm compare` in lesson 08: runs the split-chunks rows and writes them into lesson 05's RESULTS.md.
import { readFileSync, writeFileSync } from "node:fs";
import { writeLaterSection } from "@workshop/05-compare/src/matrix/render.ts";
import { renderSplitChunks, runSplitChunks } from "../src/compare/split-chunks.ts";

const RESULTS_URL = new URL("../../05-compare/RESULTS.md", import.meta.url);
const section = renderSplitChunks(await runSplitChunks());
writeFileSync(RESULTS_URL, writeLaterSection(readFileSync(RESULTS_URL, "utf8"), "08", section));
console.log(`${section}\n\nWritten into lessons/05-compare/RESULTS.md.`);
process.exit(0);
