// The three ways lesson 01 gets a reply, each driving its panel.
import type { PollResponse } from "../protocol.ts";
import * as api from "./api.ts";
import { startLongPolling } from "./long-poll.ts";
import { startNaivePolling } from "./naive-poll.ts";
import { say } from "./page-text.ts";
import type { Panel } from "./panel.ts";
import { type Poller, startShortPolling } from "./short-poll.ts";
import { recordTokens } from "./stats.ts";
import { typeOut } from "./typewriter.ts";
import { documentVisibility } from "./visibility.ts";

export interface Run {
  stop(): void;
}

export function runBlocking(panel: Panel, prompt: string, fakeTypewriter: boolean): Run {
  const controller = new AbortController();
  let stopTyping = () => {};
  panel.setState("busy", say("waiting"));
  panel.stats.requests++;
  panel.log.add("POST /api/complete", "out");
  api.complete(prompt, controller.signal).then(
    ({ body, bytes }) => {
      const now = performance.now();
      const stats = panel.stats;
      stats.bytes += bytes;
      stats.firstTokenAt = now; // nothing was visible before this moment
      stats.finishedAt = now;
      panel.log.add(say("log-at-once", { tokens: body.tokenCount, ms: body.generationMs }), "in");
      panel.setState("done", say("done"));
      if (fakeTypewriter) {
        stopTyping = typeOut(body.text, (visible) => {
          stats.text = visible;
          panel.render();
        });
      } else {
        stats.text = body.text;
      }
      panel.render();
    },
    (error) => {
      if (!controller.signal.aborted) panel.fail(error); // Stop is not a failure
    },
  );
  return {
    stop() {
      controller.abort();
      stopTyping();
    },
  };
}

export interface PollingSettings {
  intervalMs: () => number;
  latencyMs: () => number;
  naive: boolean;
}

export function runPolling(
  panel: Panel,
  prompt: string,
  kind: "short" | "long",
  settings?: PollingSettings,
): Run {
  const controller = new AbortController();
  let poller: Poller | undefined;
  panel.setState("busy", say("starting"));
  panel.log.add("POST /api/jobs", "out");
  panel.stats.requests++;

  api.startJob(prompt, controller.signal).then(
    ({ body: { id }, bytes }) => {
      panel.stats.bytes += bytes;
      panel.log.add(say("log-job", { id: id.slice(0, 8) }), "in");
      panel.setState("busy", say(kind === "short" ? "polling" : "waiting-server"));
      const handlers = {
        onRequest: (cursor: number) => {
          panel.stats.requests++;
          panel.log.add(`GET …${kind === "long" ? "/wait" : ""}?cursor=${cursor}`, "out");
          panel.render();
        },
        onResponse: ({ body, bytes }: api.Fetched<PollResponse>) => {
          recordTokens(panel.stats, body.tokens, bytes, performance.now());
          const what =
            body.tokens.length === 0 ? say("nothing-new") : say("n-tokens", { n: body.tokens.length });
          const done = body.done ? say("and-done") : "";
          panel.log.add(say("log-poll", { what, cursor: body.cursor, done }), "in");
          panel.render();
        },
        onDone: () => {
          panel.stats.finishedAt = performance.now();
          panel.setState("done", say("done"));
          panel.render();
        },
        onError: (error: unknown) => panel.log.add(String(error), "error"),
      };
      if (kind === "long") {
        poller = startLongPolling({ poll: api.longPoll(id), ...handlers });
      } else if (settings) {
        const options = {
          poll: api.shortPoll(id, settings.latencyMs()),
          intervalMs: settings.intervalMs,
          visibility: documentVisibility,
          ...handlers,
        };
        poller = settings.naive ? startNaivePolling(options) : startShortPolling(options);
      }
    },
    (error) => {
      if (!controller.signal.aborted) panel.fail(error); // Stop is not a failure
    },
  );
  return {
    stop() {
      controller.abort();
      poller?.stop();
    },
  };
}
