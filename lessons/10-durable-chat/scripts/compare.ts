// `pnpm compare` in lesson 10: runs its rows and writes this lesson's RESULTS.md.
import { writeFileSync } from "node:fs";
import { runDurableMatrix } from "../src/compare/durable-matrix.ts";
import { RESULTS_URL, renderResults } from "../src/compare/render.ts";

const results = renderResults(await runDurableMatrix());
writeFileSync(RESULTS_URL, results);
console.log(`${results}\nRESULTS.md written.`);
process.exit(0);
