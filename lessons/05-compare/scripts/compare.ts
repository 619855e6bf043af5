// `pnpm compare` in lesson 05: runs the comparison matrix and writes RESULTS.md.
// (The root `pnpm compare` runs every lesson's, then copies their verdicts into the README.)
import { writeFileSync } from "node:fs";
import { renderResults } from "../src/matrix/render.ts";
import { runMatrix } from "../src/matrix/run-matrix.ts";

const started = performance.now();
const results = renderResults(await runMatrix());
writeFileSync(new URL("../RESULTS.md", import.meta.url), results);
console.log(results);
console.log(`RESULTS.md written in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
process.exit(0);
