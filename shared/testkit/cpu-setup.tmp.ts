import { readFileSync } from "node:fs";
import { afterEach, beforeEach, expect } from "vitest";
const busy = () => { const f = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).slice(1).map(Number); return (f[0]!+f[1]!+f[2]!+f[5]!+f[6]!) / 100; };
console.error(`FILE ${busy().toFixed(2)} ${expect.getState().testPath}`);
let t = 0;
beforeEach(() => { t = busy(); });
afterEach((ctx) => { console.error(`TEST ${(busy() - t).toFixed(2)} ${ctx.task.name}`); });
