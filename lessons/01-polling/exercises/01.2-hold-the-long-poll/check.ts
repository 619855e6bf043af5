import { defineChecks, must, mustEventually, waitUntil, within } from "@workshop/exercises";
import { SILENT } from "@workshop/exercises/lesson-server";
import { activeResources, getJson, resourcesAddedSince } from "@workshop/testkit";
import type { PollResponse } from "../../src/protocol.ts";
import { withServer } from "../with-server.ts";

export default defineChecks({
  "holds the request until a token exists, then answers with it": (code) =>
    withServer(code, { timing: { firstTokenDelayMs: 200, tokenDelayMs: 5, jitterMs: 0 } }, async (lesson) => {
      const id = await lesson.startJob("why stream?");
      const body = await within(
        getJson<PollResponse>(`${lesson.url}/api/jobs/${id}/wait?cursor=0`),
        3000,
        "the long poll never answered",
      );
      must(
        body.tokens.length > 0,
        "the long poll answered with no tokens while the first one was 200 ms away: hold the request until there is news",
      );
    }),

  "answers 'nothing yet' when the timeout passes first": (code) =>
    withServer(code, { timing: SILENT, longPollTimeoutMs: 50 }, async (lesson) => {
      const id = await lesson.startJob("why stream?");
      const body = await within(
        getJson<PollResponse>(`${lesson.url}/api/jobs/${id}/wait?cursor=0`),
        2000,
        "with longPollTimeoutMs: 50 and a silent model, the long poll never answered: answer when the timeout passes",
      );
      must(
        body.tokens.length === 0 && body.cursor === 0,
        "a timeout answer should carry no tokens and the same cursor",
      );
    }),

  "a client that hangs up mid-wait is released at once: no held request, timer or listener": (code) =>
    withServer(code, { timing: SILENT }, async (lesson) => {
      const id = await lesson.startJob("why stream?");
      const before = activeResources();
      const controller = new AbortController();
      const request = fetch(`${lesson.url}/api/jobs/${id}/wait?cursor=0`, {
        signal: controller.signal,
      }).catch(() => undefined);
      await mustEventually(
        () => lesson.longPolls.held() === 1,
        5000,
        "while the client waited, its request was never counted as held: keep it in the `held` set while it waits, so a shutdown can answer it",
      );
      controller.abort();
      await request;
      await waitUntil(() => lesson.longPolls.held() === 0 && lesson.jobs.listenerCount() === 0, 5000);
      must(
        lesson.longPolls.held() === 0,
        "after the client hung up, the request still counts as held: take it out of `held` when the wait ends, however it ends",
      );
      must(
        lesson.jobs.listenerCount() === 0,
        "after the client hung up, the job still calls back into the dead request: unsubscribe from the job when the client leaves",
      );
      await mustEventually(
        () => !resourcesAddedSince(before).Timeout,
        5000,
        "after the client hung up, its timeout timer is still pending: clear it when the client leaves, or each abandoned request keeps a timer alive",
      );
    }),
});
