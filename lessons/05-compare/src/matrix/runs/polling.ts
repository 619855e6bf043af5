// Short and long polling with lesson 01's own client: a job, then polls with
// the cursor each answer gives. A failed poll is simply retried.
import * as pollingApi from "@workshop/01-polling/client/api.ts";
import { startLongPolling } from "@workshop/01-polling/client/long-poll.ts";
import { startShortPolling } from "@workshop/01-polling/client/short-poll.ts";
import type { Start } from "../run-record.ts";

export const pollingRun =
  (kind: "short" | "long"): Start =>
  (record, { base, prompt }, arrive, finish) => {
    const controller = new AbortController();
    let stop = () => controller.abort();
    let id = ""; // the job's, once POST /api/jobs has answered
    const counted: pollingApi.Poll = (cursor, signal) => {
      record.requests++;
      return kind === "short"
        ? pollingApi.shortPoll(id, 0, base)(cursor, signal)
        : pollingApi.longPoll(id, base)(cursor, signal);
    };
    record.requests++;
    pollingApi.startJob(prompt, controller.signal, base).then(
      ({ body }) => {
        id = body.id;
        const handlers = {
          onResponse: ({ body: poll }: { body: { tokens: { seq: number; text: string }[] } }) => {
            for (const token of poll.tokens) arrive(token);
          },
          onDone: () => finish("complete"),
          onError: () => record.reconnects++, // the next poll is the retry
        };
        const poller =
          kind === "short"
            ? startShortPolling({ poll: counted, intervalMs: () => 40, ...handlers })
            : startLongPolling({ poll: counted, retryDelayMs: 100, ...handlers });
        stop = () => poller.stop();
      },
      () => finish("gave up"),
    );
    return () => stop();
  };
