import { defineChecks, must, mustEventually, within } from "@workshop/exercises";
import { PROMPT, readJob, seqsOf, TOKENS, tokensWritten, withInstances } from "../with-redis.ts";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Whether `check` holds within `ms`: the owner's last writes come a moment after the reader saw done. */
async function holdsWithin(check: () => Promise<boolean>, ms: number): Promise<boolean> {
  const end = performance.now() + ms;
  for (;;) {
    if (await check()) return true;
    if (performance.now() > end) return false;
    await sleep(20);
  }
}

const NEVER_ENDED = { en: "the reply never ended", zh: "回复一直没有结束" };
const NO_THREE_TOKENS = {
  en: "the owner never wrote 3 tokens into the job's stream",
  zh: "owner 始终没有往任务的流里写满 3 个 token",
};

/** Each step's name for `pnpm exercise check --lang zh`. */
export const namesZh = {
  "a reply longer than its lease, read from another instance: every token once, then done; no owner left":
    "比租约还长的回复，从另一个实例读取：每个 token 恰好一次，然后是 done；最后不再有 owner",
  "a lease taken away mid-reply stops the owner: no token and no done after it":
    "回复中途租约被拿走，owner 就停下：此后没有 token，也没有 done",
  "maxTokens cuts the reply: done with reason max_tokens": "maxTokens 截断回复：done 的原因是 max_tokens",
  "a Stop sent to the other instance ends the reply with done, reason cancelled":
    "发到另一个实例的停止请求让回复以 done 结束，原因是 cancelled",
  "an owner killed mid-reply writes nothing more: readers say interrupted":
    "回复中途被杀掉的 owner 不再写任何东西：读取者报 interrupted",
};

export default defineChecks({
  "a reply longer than its lease, read from another instance: every token once, then done; no owner left": (
    code,
  ) =>
    withInstances(code, { leaseMs: 1000, tokenDelayMs: 15 }, async (instance, redis) => {
      const [a, b] = [await instance("a"), await instance("b")];
      const id = await a.start(PROMPT); // ~1.8 s of tokens: longer than the lease, so only renewing keeps it
      const entries = await within(readJob(b, id, -1), 12_000, NEVER_ENDED); // a hang guard
      const last = entries.at(-1);
      must(seqsOf(entries).length > 0, {
        en: `the reader on the other instance got no token, then ${last?.type}: write each token into the job's stream (writeIfLeaseHeld at entryId(seq))`,
        zh: `另一个实例上的读取者一个 token 都没收到，接着就是 ${last?.type}：把每个 token 写进任务的流（用 writeIfLeaseHeld 写在 entryId(seq)）`,
      });
      must(last?.type === "done", {
        en: `the reply ended with ${last?.type} after ${seqsOf(entries).length} of ${TOKENS} tokens: ${last?.type === "interrupted" ? "the lease ran out while the owner was generating. Renew it every leaseMs / 3" : "write done at the end"}`,
        zh: `${TOKENS} 个 token 只发了 ${seqsOf(entries).length} 个，回复就以 ${last?.type} 结束了：${last?.type === "interrupted" ? "owner 还在生成，租约就过期了。每隔 leaseMs / 3 续一次租" : "最后要写入 done"}`,
      });
      must(seqsOf(entries).every((seq, i) => seq === i) && seqsOf(entries).length === TOKENS, {
        en: `the reader got seqs ${seqsOf(entries).slice(0, 8).join(", ")}…, not 0 to ${TOKENS - 1} once each`,
        zh: `读取者收到的 seq 是 ${seqsOf(entries).slice(0, 8).join(", ")}…，而不是 0 到 ${TOKENS - 1} 各一次`,
      });
      must(last.tokens === TOKENS && last.reason === "complete", {
        en: `done said ${last.tokens} tokens, reason "${last.reason}": expected ${TOKENS}, "complete"`,
        zh: `done 说有 ${last.tokens} 个 token，原因是 "${last.reason}"：应该是 ${TOKENS} 和 "complete"`,
      });
      must(await holdsWithin(async () => (await redis.exists(`job:${id}:lease`)) === 0, 400), {
        en: "the reply is done, but its lease is still there: delete it, the job has no owner any more",
        zh: "回复已经结束，租约却还在：删掉它，这个任务已经没有 owner 了",
      });
      must((await redis.ttl(`job:${id}`)) > 0, {
        en: "the finished job's stream never expires: give it ttlSeconds",
        zh: "已结束任务的流永远不会过期：给它设上 ttlSeconds",
      });
      must(a.generating() === 0, {
        en: "the job is still in `generating` after done: take it out, however it ends",
        zh: "done 之后任务还在 `generating` 里：不管怎么结束，都要把它移出去",
      });
    }),

  "a lease taken away mid-reply stops the owner: no token and no done after it": (code) =>
    withInstances(code, { leaseMs: 3000, tokenDelayMs: 20 }, async (instance, redis) => {
      const a = await instance("a");
      const id = await a.start(PROMPT);
      await within(tokensWritten(redis, id, 3), 5000, NO_THREE_TOKENS);
      must((await redis.ttl(`job:${id}`)) > 0, {
        en: "the job's stream has no expiry while it is written: an owner that dies before done would leave it in Redis forever. Expire it from the first token on",
        zh: "任务的流在写入期间没有设置过期：owner 要是在 done 之前死掉，它就会永远留在 Redis 里。从第一个 token 起就设置过期",
      });
      await redis.set(`job:${id}:lease`, "another-instance"); // as if it lapsed and someone else took it
      const taken = await redis.xLen(`job:${id}`);
      await sleep(500); // 25 tokens' time
      const after = (await redis.xLen(`job:${id}`)) - taken;
      must(after <= 1, {
        en: `after the lease went to another instance, the owner wrote ${after} more entries: write each token with writeIfLeaseHeld, and stop when it refuses`,
        zh: `租约归了另一个实例之后，owner 又写了 ${after} 条记录：用 writeIfLeaseHeld 写每个 token，它拒绝写入时就停下`,
      });
      const [lastEntry] = (await redis.xRevRange(`job:${id}`, "+", "-", { COUNT: 1 })) ?? [];
      must(lastEntry?.message.type === "token", {
        en: "the owner wrote done after its lease was lost: its readers already heard `interrupted`, so a lost lease writes nothing more",
        zh: "owner 丢了租约之后还写了 done：它的读取者已经收到 `interrupted` 了，所以丢了租约就什么都不能再写",
      });
      await mustEventually(() => a.generating() === 0, 1000, {
        en: "the owner lost its lease and is still generating: stop the model (reason lease lost)",
        zh: "owner 已经丢了租约，却还在生成：停掉模型（原因为 lease lost）",
      });
    }),

  "maxTokens cuts the reply: done with reason max_tokens": (code) =>
    withInstances(code, { maxTokens: 5 }, async (instance) => {
      const [a, b] = [await instance("a"), await instance("b")];
      const id = await a.start(PROMPT);
      const entries = await within(readJob(b, id, -1), 5000, NEVER_ENDED);
      const last = entries.at(-1);
      must(last?.type === "done" && last.reason === "max_tokens" && last.tokens === 5, {
        en: `with maxTokens 5, the reply ended with ${JSON.stringify(last)} after ${seqsOf(entries).length} tokens: stop at maxTokens, with reason "max_tokens"`,
        zh: `maxTokens 为 5，回复却在 ${seqsOf(entries).length} 个 token 之后以 ${JSON.stringify(last)} 结束：写满 maxTokens 就停下，原因为 "max_tokens"`,
      });
    }),

  "a Stop sent to the other instance ends the reply with done, reason cancelled": (code) =>
    withInstances(code, { tokenDelayMs: 50 }, async (instance, redis) => {
      const [a, b] = [await instance("a"), await instance("b")];
      const id = await a.start(PROMPT);
      const reading = readJob(b, id, -1);
      await within(tokensWritten(redis, id, 3), 5000, NO_THREE_TOKENS);
      await b.cancel(id);
      const entries = await within(reading, 5000, {
        en: "after the Stop, the reply never ended",
        zh: "停止之后，回复一直没有结束",
      });
      const last = entries.at(-1);
      must(last?.type === "done" && last.reason === "cancelled", {
        en: `after the Stop, the reply ended with ${JSON.stringify(last)}: an aborted generation writes done with the abort's reason (controller.signal.reason)`,
        zh: `停止之后，回复以 ${JSON.stringify(last)} 结束：被中止的生成要写入 done，原因就是中止的原因（controller.signal.reason）`,
      });
      must(last.tokens === seqsOf(entries).length, {
        en: `done says ${last.tokens} tokens, but ${seqsOf(entries).length} were written: count the tokens written`,
        zh: `done 说有 ${last.tokens} 个 token，实际写入的却是 ${seqsOf(entries).length} 个：要数清写入的 token`,
      });
    }),

  "an owner killed mid-reply writes nothing more: readers say interrupted": (code) =>
    withInstances(code, { leaseMs: 300, tokenDelayMs: 10 }, async (instance, redis) => {
      const [a, b] = [await instance("a"), await instance("b")];
      const id = await a.start(PROMPT);
      const reading = readJob(b, id, -1);
      await within(tokensWritten(redis, id, 3), 5000, NO_THREE_TOKENS);
      await a.close({ kill: true });
      const entries = await within(reading, 3000, {
        en: "after the owner was killed, the reader waited forever",
        zh: "owner 被杀掉之后，读取者一直在等",
      });
      must(entries.at(-1)?.type === "interrupted", {
        en: `a killed owner's reply ended with ${entries.at(-1)?.type}: a killed process writes nothing more (no done for the reason "killed"), and its lease runs out`,
        zh: `被杀掉的 owner 的回复以 ${entries.at(-1)?.type} 结束：被杀掉的进程不会再写任何东西（原因为 "killed" 时不写 done），它的租约会自己过期`,
      });
    }),
});
