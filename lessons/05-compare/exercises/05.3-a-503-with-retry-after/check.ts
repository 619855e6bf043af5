import { defineChecks, type LessonCode, must } from "@workshop/exercises";
import type * as RunMatrix from "../../src/matrix/run-matrix.ts";
import type * as Scenarios from "../../src/matrix/scenarios.ts";

async function findScenario(code: LessonCode) {
  const { SCENARIOS } = await code.load<typeof Scenarios>("src/matrix/scenarios.ts");
  const scenario = SCENARIOS.find((s) => s.group === "Reconnection" && /503/.test(s.name));
  must(scenario, "no Reconnection scenario with 503 in its name in SCENARIOS");
  return scenario;
}

export default defineChecks({
  "SCENARIOS has a Reconnection row for a 503 with Retry-After": async (code) => {
    const scenario = await findScenario(code);
    must(
      scenario.fault,
      "the scenario has no fault: drop the connection and answer the reconnects with the 503",
    );
    must(
      /retry-after/i.test(scenario.name),
      "name the Retry-After in the row, so a reader knows what it tests",
    );
  },

  "run on every transport: EventSource gives up, polling and WebSocket come back exactly": async (code) => {
    const scenario = await findScenario(code);
    const { runScenario } = await code.load<typeof RunMatrix>("src/matrix/run-matrix.ts");
    const verdicts = await runScenario(scenario);
    const verdict = (transport: string) =>
      [...verdicts].find(([t]) => t === transport)?.[1].verdict ?? "(none)";
    must(
      verdict("SSE") === "✗ gives up",
      `SSE's cell says "${verdict("SSE")}": did the reconnect really get a 503?`,
    );
    for (const transport of ["WebSocket", "long polling", "short polling"]) {
      must(
        verdict(transport) === "✓ resumes exactly",
        `${transport}'s cell says "${verdict(transport)}": does its reconnect get the 503, and then the server back?`,
      );
    }
  },
});
