import { defineChecks, must, mustEventually, waitUntil, within } from "@workshop/exercises";
import { SILENT } from "@workshop/exercises/lesson-server";
import { activeResources, getJson, resourcesAddedSince } from "@workshop/testkit";
import type { PollResponse } from "../../src/protocol.ts";
import { withServer } from "../with-server.ts";

/** Each step's name for `pnpm exercise check --lang zh`. */
export const namesZh = {
  "holds the request until a token exists, then answers with it":
    "把请求挂住，直到有了 token，再带着它返回响应",
  "answers 'nothing yet' when the timeout passes first": "超时先到时，返回“还没有新内容”",
  "a client that hangs up mid-wait is released at once: no held request, timer or listener":
    "等待途中挂断的客户端立刻被释放：不留下挂住的请求、定时器或监听器",
};

export default defineChecks({
  "holds the request until a token exists, then answers with it": (code) =>
    withServer(code, { timing: { firstTokenDelayMs: 200, tokenDelayMs: 5, jitterMs: 0 } }, async (lesson) => {
      const id = await lesson.startJob("why stream?");
      const body = await within(getJson<PollResponse>(`${lesson.url}/api/jobs/${id}/wait?cursor=0`), 3000, {
        en: "the long poll never answered",
        zh: "长轮询一直没有返回响应",
      });
      must(body.tokens.length > 0, {
        en: "the long poll answered with no tokens while the first one was 200 ms away: hold the request until there is news",
        zh: "第一个 token 还要 200 ms 才到，长轮询就返回了不带 token 的响应：要把请求挂住，直到有新内容",
      });
    }),

  "answers 'nothing yet' when the timeout passes first": (code) =>
    withServer(code, { timing: SILENT, longPollTimeoutMs: 50 }, async (lesson) => {
      const id = await lesson.startJob("why stream?");
      const body = await within(getJson<PollResponse>(`${lesson.url}/api/jobs/${id}/wait?cursor=0`), 2000, {
        en: "with longPollTimeoutMs: 50 and a silent model, the long poll never answered: answer when the timeout passes",
        zh: "longPollTimeoutMs 为 50、模型一个 token 也不出，长轮询却始终没有返回响应：超时一到就要返回响应",
      });
      must(body.tokens.length === 0 && body.cursor === 0, {
        en: "a timeout answer should carry no tokens and the same cursor",
        zh: "超时返回的响应应该不带 token，游标保持不变",
      });
    }),

  "a client that hangs up mid-wait is released at once: no held request, timer or listener": (code) =>
    withServer(code, { timing: SILENT }, async (lesson) => {
      const id = await lesson.startJob("why stream?");
      const before = activeResources();
      const controller = new AbortController();
      const request = fetch(`${lesson.url}/api/jobs/${id}/wait?cursor=0`, {
        signal: controller.signal,
      }).catch(() => undefined);
      await mustEventually(() => lesson.longPolls.held() === 1, 5000, {
        en: "while the client waited, its request was never counted as held: keep it in the `held` set while it waits, so a shutdown can answer it",
        zh: "客户端等待期间，它的请求从没被记为挂住：等待时要把它放在 `held` 集合里，这样服务器关闭时才能给它返回响应",
      });
      controller.abort();
      await request;
      await waitUntil(() => lesson.longPolls.held() === 0 && lesson.jobs.listenerCount() === 0, 5000);
      must(lesson.longPolls.held() === 0, {
        en: "after the client hung up, the request still counts as held: take it out of `held` when the wait ends, however it ends",
        zh: "客户端挂断之后，这个请求仍被记为挂住：等待结束时，不管以哪种方式结束，都要把它从 `held` 里拿掉",
      });
      must(lesson.jobs.listenerCount() === 0, {
        en: "after the client hung up, the job still calls back into the dead request: unsubscribe from the job when the client leaves",
        zh: "客户端挂断之后，任务还在回调这个已经失效的请求：客户端离开时要取消对任务的订阅",
      });
      await mustEventually(() => !resourcesAddedSince(before).Timeout, 5000, {
        en: "after the client hung up, its timeout timer is still pending: clear it when the client leaves, or each abandoned request keeps a timer alive",
        zh: "客户端挂断之后，它的超时定时器还在等待：客户端离开时要清掉它，否则每个被丢下的请求都会让一个定时器一直活着",
      });
    }),
});
