// `pnpm --filter @workshop/09-proxies excerpts`: rewrites the README's nginx excerpts from src/server/paths.ts.
import { readFileSync, writeFileSync } from "node:fs";
import { withExcerpts } from "../src/server/readme-excerpts.ts";

const url = new URL("../README.md", import.meta.url);
writeFileSync(url, withExcerpts(readFileSync(url, "utf8")));
console.log("README.md excerpts rewritten from src/server/paths.ts.");
