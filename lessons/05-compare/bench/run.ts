// `pnpm bench` (from the root, or in lesson 05): each lesson's own server
// against a minimal reference doing the same job, in the same run, on this
// machine. `--write` records the table in lessons/05-compare/BENCH.md.
// One machine's figures, not a test: `pnpm test` asserts no timings.
import { readdirSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { startFaultProxy } from "@workshop/fault-proxy";
import { holdEventStreams, holdWebSockets } from "./connections.ts";
import {
  devReadySeconds,
  importMilliseconds,
  type ServerUnderTest,
  startServerProcess,
} from "./processes.ts";
import { READ_REPLY, SHORT_POLL_INTERVAL_MS } from "./replies.ts";

const write = process.argv.includes("--write");
const skipDev = process.argv.includes("--no-dev");
// --only=latency|connections|start-up runs one section (while working on it).
const only = process.argv.find((arg) => arg.startsWith("--only="))?.slice("--only=".length);
const section = (name: string) => only === undefined || only === name;
// --held=1000 holds only that many connections (default: 1,000 and 10,000).
const heldCounts = process.argv
  .find((arg) => arg.startsWith("--held="))
  ?.slice("--held=".length)
  .split(",")
  .map(Number) ?? [1000, 10_000];
const repoRoot = fileURLToPath(new URL("../../..", import.meta.url));
const TRANSPORTS = ["short polling", "long polling", "SSE", "WebSocket", "fetch stream"];
const REPLIES = 5;
const KINDS = ["lesson", "reference"] as const;

interface Row {
  measure: string;
  lesson: number;
  reference: number;
  unit: string;
  /** The largest lesson/reference ratio that meets the target, if there is one. */
  target?: number;
  /** Or an absolute target for the lesson's figure (in the row's raw unit). */
  max?: { value: number; label: string };
}
const rows: Row[] = [];
const log = (line: string) => console.error(line);

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
};

async function withServer<T>(
  kind: (typeof KINDS)[number],
  transport: string,
  use: (s: ServerUnderTest) => Promise<T>,
) {
  const server = await startServerProcess(kind, transport);
  try {
    return await use(server);
  } finally {
    await server.close();
  }
}

for (const transport of section("latency") ? TRANSPORTS : []) {
  const result = { lesson: { p50: 0, p95: 0, bytes: 0 }, reference: { p50: 0, p95: 0, bytes: 0 } };
  for (const kind of KINDS) {
    await withServer(kind, transport, async ({ port }) => {
      const read = READ_REPLY[transport] as (base: string) => Promise<number[]>;
      await read(`http://127.0.0.1:${port}`); // warm-up
      const latencies: number[] = [];
      for (let i = 0; i < REPLIES; i++) latencies.push(...(await read(`http://127.0.0.1:${port}`)));
      // Bytes on the wire, server → client, counted by a proxy in between.
      const proxy = await startFaultProxy(port);
      const tokens = (await read(proxy.url)).length;
      const bytes = proxy.bytes.down / tokens;
      await proxy.close();
      result[kind] = { p50: percentile(latencies, 50), p95: percentile(latencies, 95), bytes };
    });
  }
  log(`${transport}: p50 ${result.lesson.p50.toFixed(2)} / ${result.reference.p50.toFixed(2)} ms`);
  rows.push(
    { measure: `${transport}: token → client, p50`, ...pick(result, "p50"), unit: "ms" },
    { measure: `${transport}: token → client, p95`, ...pick(result, "p95"), unit: "ms" },
    { measure: `${transport}: bytes on the wire per token`, ...pick(result, "bytes"), unit: "B" },
  );
}

function pick<K extends string>(result: Record<"lesson" | "reference", Record<K, number>>, key: K) {
  return { lesson: result.lesson[key], reference: result.reference[key] };
}

const HOLDS = [
  { name: "SSE notification streams", transport: "SSE", hold: holdEventStreams },
  { name: "WebSockets", transport: "WebSocket", hold: holdWebSockets },
];
for (const { name, transport, hold } of section("connections") ? HOLDS : []) {
  for (const n of heldCounts) {
    const result: Record<string, { openMs: number; heap: number; rss: number; broadcastMs: number }> = {};
    for (const kind of KINDS) {
      await withServer(kind, transport, async (server) => {
        const before = await server.memory();
        const held = await hold(server.port, n);
        const after = await server.memory();
        const broadcastMs = await held.broadcast();
        held.close();
        result[kind] = {
          openMs: held.openMs,
          heap: (after.heapUsed - before.heapUsed) / n,
          rss: (after.rss - before.rss) / n,
          broadcastMs,
        };
      });
    }
    const pair = (key: "openMs" | "heap" | "rss" | "broadcastMs") => ({
      lesson: result.lesson?.[key] ?? Number.NaN,
      reference: result.reference?.[key] ?? Number.NaN,
    });
    const count = n.toLocaleString("en");
    log(
      `${count} ${name}: open ${pair("openMs").lesson.toFixed(0)} / ${pair("openMs").reference.toFixed(0)} ms`,
    );
    rows.push(
      {
        measure: `open ${count} ${name}`,
        ...pair("openMs"),
        unit: "ms",
        target: n === 10_000 ? 2 : undefined,
      },
      { measure: `${count} ${name}: heap per connection`, ...pair("heap"), unit: "KB", target: 1.5 },
      { measure: `${count} ${name}: RSS per connection`, ...pair("rss"), unit: "KB" },
      {
        measure: `one message to all ${count} ${name}`,
        ...pair("broadcastMs"),
        unit: "ms",
        target: n === 10_000 ? 1.5 : undefined,
      },
    );
  }
}

for (const transport of section("start-up") ? ["short polling", "SSE", "WebSocket", "fetch stream"] : []) {
  const rss: Record<string, number> = {};
  for (const kind of KINDS)
    rss[kind] = await withServer(kind, transport, async (s) => (await s.memory()).rss);
  const lesson = { "short polling": "01", SSE: "02", WebSocket: "03", "fetch stream": "04" }[transport];
  rows.push({
    measure: `lesson ${lesson} server: RSS at start`,
    lesson: rss.lesson ?? Number.NaN,
    reference: rss.reference ?? Number.NaN,
    unit: "MB",
    target: 1.5,
  });
}
if (section("start-up")) {
  const runs = [];
  for (let i = 0; i < 3; i++) runs.push(await importMilliseconds("@workshop/mock-llm"));
  rows.push({
    measure: "import @workshop/mock-llm (median of 3)",
    lesson: percentile(runs, 50),
    reference: Number.NaN,
    unit: "ms",
    max: { value: 50, label: "50 ms" },
  });
}
if (!skipDev && section("start-up")) {
  // Every lesson folder, so a new lesson is measured without editing this list.
  const lessonNumbers = readdirSync(join(repoRoot, "lessons"))
    .filter((folder) => /^\d{2}-/.test(folder))
    .map((folder) => folder.slice(0, 2));
  for (const lesson of lessonNumbers) {
    const runs = [];
    for (let i = 0; i < 3; i++) runs.push(await devReadySeconds(lesson, repoRoot));
    log(`pnpm dev ${lesson}: ${runs.map((s) => s.toFixed(2)).join(", ")} s`);
    rows.push({
      measure: `\`pnpm dev ${lesson}\` until page and /api/health answer (median of 3)`,
      lesson: percentile(runs, 50) * 1000,
      reference: Number.NaN,
      unit: "s",
      max: { value: 3000, label: "3 s" },
    });
  }
}

const format = (value: number, unit: string) => {
  if (Number.isNaN(value)) return "—";
  if (unit === "KB") return `${(value / 1024).toFixed(1)} KB`;
  if (unit === "MB") return `${(value / 1024 / 1024).toFixed(0)} MB`;
  if (unit === "s") return `${(value / 1000).toFixed(2)} s`;
  if (unit === "B") return `${value.toFixed(0)} B`;
  return `${value.toFixed(value < 10 ? 2 : 0)} ms`;
};
const table = [
  "| Measure | Lesson | Minimal reference | Ratio | Target |",
  "| --- | --- | --- | --- | --- |",
  ...rows.map((row) => {
    const ratio = row.lesson / row.reference;
    const target = row.max
      ? `≤ ${row.max.label} ${row.lesson <= row.max.value ? "✓" : "✗"}`
      : row.target === undefined
        ? ""
        : `≤ ${row.target}× ${ratio <= row.target ? "✓" : "✗"}`;
    const shown = Number.isFinite(ratio) ? `${ratio.toFixed(2)}×` : "—";
    return `| ${row.measure} | ${format(row.lesson, row.unit)} | ${format(row.reference, row.unit)} | ${shown} | ${target} |`;
  }),
].join("\n");
console.log(table);

if (write) {
  const cpu = cpus();
  const machine = `${cpu.length} × ${cpu[0]?.model.trim() ?? "CPU"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${process.platform}`;
  const date = new Date().toISOString().slice(0, 10);
  writeFileSync(
    new URL("../BENCH.md", import.meta.url),
    `# Lesson 05 · Benchmarks: one machine's figures\n\n` +
      `Measured by \`pnpm bench --write\` on ${date}: ${machine}.\n\n` +
      `**These are one machine's numbers, not a test.** \`pnpm test\` asserts no timings; run \`pnpm bench\` on yours. ` +
      `Each lesson's own server runs against a minimal reference server doing the same job (\`bench/reference-server.ts\`: ` +
      `plain \`node:http\` and \`ws\`, none of the lessons' budgets, validation or cleanup), each in its own process, ` +
      `in the same run; the load comes from the bench process, on loopback only. Tokens carry the time they were made, ` +
      `${SHORT_POLL_INTERVAL_MS} ms apart for short polling's interval, so latency is measured end to end. ` +
      `Per-connection memory is measured after two full GCs; SSE streams and WebSockets are held in separate runs (10,000 of each at once would need more open files than the 20,000 per process this machine allows). A lesson's server and the reference start the same way ` +
      `(\`node --import tsx\`), so the start-up ratio compares what each loads.\n\n${table}\n`,
  );
  console.error("Wrote lessons/05-compare/BENCH.md");
}
