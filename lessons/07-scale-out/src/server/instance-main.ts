// One instance as its own process (what the balancer starts and kills):
// NAME, PORT and REDIS_URL from the environment.
// LEASE_MS and TOKEN_DELAY_MS let a test (or a demo) make a reply and a dead
// owner's lease shorter than the classroom defaults; MAX_STREAMS_PER_CLIENT
// lets the bench hold 10,000 streams from one machine.
import { createMockLlm } from "@workshop/mock-llm";
import { exitWithParent } from "@workshop/server-kit/tied-to-parent";
import { createInstance } from "./app.ts";

const name = process.env.NAME ?? "a";
const port = Number(process.env.PORT) || 0;
const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const tokenDelayMs = Number(process.env.TOKEN_DELAY_MS);
const llm = Number.isFinite(tokenDelayMs)
  ? createMockLlm({ timing: { firstTokenDelayMs: 0, tokenDelayMs, jitterMs: 0 } })
  : createMockLlm();

const instance = await createInstance({
  name,
  redisUrl,
  llm,
  leaseMs: Number(process.env.LEASE_MS) || undefined,
  maxStreamsPerClient: Number(process.env.MAX_STREAMS_PER_CLIENT) || undefined,
});
instance.server.listen(port, "127.0.0.1", () => {
  const address = instance.server.address() as { port: number };
  console.log(`instance ${name} listening on ${address.port}`); // the balancer waits for this line
});
// One shutdown, however many signals: Ctrl+C reaches an instance from the terminal, then the
// balancer's SIGTERM follows, and a second shutdown would exit before the first had finished.
let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    await instance.shutdown();
    process.exit(0);
  });
}
exitWithParent(); // the lesson's server killed: this instance goes too (a SIGTERM to itself)
