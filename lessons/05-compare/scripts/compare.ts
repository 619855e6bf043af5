// `pnpm compare`: runs the comparison matrix and writes RESULTS.md.
import { writeFileSync } from "node:fs";
import { renderResults } from "../src/matrix/render.ts";
import { runMatrix } from "../src/matrix/run-matrix.ts";

const started = performance.now();
const markdown = renderResults(await runMatrix());
writeFileSync(new URL("../RESULTS.md", import.meta.url), markdown);
console.log(markdown);
console.log(`\nRESULTS.md written in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
process.exit(0);
