import { defineChecks, type LessonCode, must } from "@workshop/exercises";
import type * as RunMatrix from "../../src/matrix/run-matrix.ts";
import type * as Scenarios from "../../src/matrix/scenarios.ts";

async function findScenario(code: LessonCode) {
  const { SCENARIOS } = await code.load<typeof Scenarios>("src/matrix/scenarios.ts");
  const scenario = SCENARIOS.find((s) => s.group === "Reconnection" && /503/.test(s.name));
  must(scenario, {
    en: "no Reconnection scenario with 503 in its name in SCENARIOS",
    zh: "SCENARIOS 里没有名字中带 503 的 Reconnection 场景",
  });
  return scenario;
}

/** Each step's name for `pnpm exercise check --lang zh`. */
export const namesZh = {
  "SCENARIOS has a Reconnection row for a 503 with Retry-After":
    "SCENARIOS 里有一行 Reconnection，测重连收到带 Retry-After 的 503",
  "run on every transport: EventSource gives up, polling and WebSocket come back exactly":
    "在每种传输方式上运行：EventSource 放弃，轮询和 WebSocket 准确续传",
};

export default defineChecks({
  "SCENARIOS has a Reconnection row for a 503 with Retry-After": async (code) => {
    const scenario = await findScenario(code);
    must(scenario.fault, {
      en: "the scenario has no fault: drop the connection and answer the reconnects with the 503",
      zh: "这个场景没有 fault：断开连接，并用 503 应答重连",
    });
    must(/retry-after/i.test(scenario.name), {
      en: "name the Retry-After in the row, so a reader knows what it tests",
      zh: "在这一行的名字里写明 Retry-After，让读者知道它测的是什么",
    });
  },

  "run on every transport: EventSource gives up, polling and WebSocket come back exactly": async (code) => {
    const scenario = await findScenario(code);
    const { runScenario } = await code.load<typeof RunMatrix>("src/matrix/run-matrix.ts");
    const verdicts = await runScenario(scenario);
    const verdict = (transport: string) =>
      [...verdicts].find(([t]) => t === transport)?.[1].verdict ?? "(none)";
    must(verdict("SSE") === "✗ gives up", {
      en: `SSE's cell says "${verdict("SSE")}": did the reconnect really get a 503?`,
      zh: `SSE 的单元格显示 "${verdict("SSE")}"：重连真的收到 503 了吗？`,
    });
    for (const transport of ["WebSocket", "long polling", "short polling"]) {
      must(verdict(transport) === "✓ resumes exactly", {
        en: `${transport}'s cell says "${verdict(transport)}": does its reconnect get the 503, and then the server back?`,
        zh: `${transport} 的单元格显示 "${verdict(transport)}"：它的重连是不是先收到 503，然后又连回了服务器？`,
      });
    }
  },
});
