// SSE with lesson 02's own client: EventSource reconnects by itself and
// resumes with Last-Event-ID; the runner only counts what it sees.
import * as pollingApi from "@workshop/01-polling/client/api.ts";
import { followJob } from "@workshop/02-sse/client/follow-job.ts";
import type { Start } from "../run-record.ts";

export const sseRun: Start = (record, { base, prompt, platform }, arrive, finish) => {
  const starting = new AbortController(); // stopping before the job started cancels the POST
  let close = () => starting.abort();
  record.requests++;
  pollingApi.startJob(prompt, starting.signal, base).then(
    ({ body }) => {
      record.requests++;
      const follower = followJob(
        `${base}/api/jobs/${body.id}/events`,
        {
          onToken: (token) => arrive(token),
          onDone: () => finish("complete"),
          onState: (state, reconnects) => {
            if (reconnects > record.reconnects) record.requests++;
            record.reconnects = reconnects;
            // followJob reports CLOSED just before onDone: let done win.
            if (state === "CLOSED") queueMicrotask(() => finish("gave up"));
          },
        },
        platform.EventSource,
      );
      close = () => follower.close();
    },
    () => finish("gave up"),
  );
  return () => close();
};
