// `pnpm compare` in lesson 08: runs the split-chunks rows and writes this lesson's RESULTS.md.
import { writeFileSync } from "node:fs";
import { RESULTS_URL, renderResults, runSplitChunks } from "../src/compare/split-chunks.ts";

const results = renderResults(await runSplitChunks());
writeFileSync(RESULTS_URL, results);
console.log(`${results}\nRESULTS.md written.`);
process.exit(0);
