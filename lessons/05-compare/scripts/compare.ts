// `pnpm compare`: runs the comparison matrix, writes RESULTS.md, and copies
// its verdict tables into the root README's "Which transport" section.
import { readFileSync, writeFileSync } from "node:fs";
import {
  between,
  LATER_END,
  LATER_START,
  README_END,
  README_START,
  renderResults,
  renderStable,
} from "../src/matrix/render.ts";
import { runMatrix } from "../src/matrix/run-matrix.ts";

const started = performance.now();
const result = await runMatrix();
const resultsUrl = new URL("../RESULTS.md", import.meta.url);
const later = between(readFileSync(resultsUrl, "utf8"), LATER_START, LATER_END); // lesson 07's rows stay
writeFileSync(resultsUrl, renderResults(result, later));

const readmeUrl = new URL("../../../README.md", import.meta.url);
const readme = readFileSync(readmeUrl, "utf8");
const start = readme.indexOf(README_START);
const end = readme.indexOf(README_END);
if (start === -1 || end === -1) throw new Error(`README.md needs ${README_START} … ${README_END}`);
const tables = renderStable(result).replace(/^## /gm, "#### ");
writeFileSync(readmeUrl, `${readme.slice(0, start + README_START.length)}\n${tables}\n${readme.slice(end)}`);

console.log(renderResults(result, later));
console.log(
  `RESULTS.md and the README's tables written in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
);
process.exit(0);
