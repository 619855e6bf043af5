// `pnpm bench` (from the root, or here): one notice to 10,000 SSE streams
// spread over three instances that share it through Redis pub/sub, against
// lesson 05's minimal reference server holding all of them in one process,
// in the same run. `--write` records the table in BENCH.md. One machine's
// figures, not a test.
import { writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { holdEventStreams } from "@workshop/05-compare/bench/connections.ts";
import { startServerProcess } from "@workshop/05-compare/bench/processes.ts";
import { startPrivateRedis } from "@workshop/server-kit/private-redis";
import { createBalancer } from "../src/server/balancer.ts";

const n = Number(process.argv.find((arg) => arg.startsWith("--held="))?.slice("--held=".length)) || 10_000;
const write = process.argv.includes("--write");
const NOTICES = 5;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

async function measure(ports: number[]) {
  const held = await holdEventStreams(ports, n);
  const broadcasts = [];
  for (let i = 0; i < NOTICES; i++) broadcasts.push(await held.broadcast());
  held.close();
  return { openMs: held.openMs, broadcastMs: median(broadcasts) };
}

const reference = await startServerProcess("reference", "SSE");
const alone = await measure([reference.port]).finally(() => reference.close());

const redis = await startPrivateRedis();
// The streams go straight to the instances (as an L4 balancer would pass them):
// through one Node balancer, that balancer would be what is measured.
const balancer = await createBalancer({
  redisUrl: redis.url,
  env: { MAX_STREAMS_PER_CLIENT: String(n) }, // every client is this machine
});
const spread = await measure(balancer.ports()).finally(async () => {
  await balancer.shutdown();
  await redis.stop();
});

const count = n.toLocaleString("en");
const row = (measure: string, lesson: number, ref: number) =>
  `| ${measure} | ${lesson.toFixed(0)} ms | ${ref.toFixed(0)} ms | ${(lesson / ref).toFixed(2)}× |`;
const table = [
  "| Measure | Lesson 07: 3 instances + Redis | Minimal reference: 1 process | Ratio |",
  "| --- | --- | --- | --- |",
  row(`open ${count} SSE notification streams`, spread.openMs, alone.openMs),
  row(`one notice to all ${count} streams (median of ${NOTICES})`, spread.broadcastMs, alone.broadcastMs),
].join("\n");
console.log(table);

if (write) {
  const cpu = cpus();
  const machine = `${cpu.length} × ${cpu[0]?.model.trim() ?? "CPU"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
  writeFileSync(
    new URL("../BENCH.md", import.meta.url),
    `# Lesson 07 · Benchmark: one notice, three instances\n\n` +
      `Measured by \`pnpm bench --write\` on ${new Date().toISOString().slice(0, 10)}: ${machine}.\n\n` +
      `**One machine's numbers, not a test.** ${count} raw SSE connections from the bench process, spread in turn over three instance processes ` +
      `(straight to their ports, as an L4 balancer would pass them), against lesson 05's minimal reference server (\`node:http\`, one process) holding all of them. ` +
      `One notice is posted to one instance; the time runs until every client has it. On this machine the three instances share the same cores as Redis and the ` +
      `bench, so the ratio shows what the extra hop costs (publish → Redis → three subscribers → their streams), not what more machines would add.\n\n${table}\n`,
  );
  console.error("Wrote lessons/07-scale-out/BENCH.md");
}
process.exit(0);
