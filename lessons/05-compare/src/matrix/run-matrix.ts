// Runs every scenario on every transport and renders RESULTS.md.
import { startStation, TEST_SETTINGS, TRANSPORTS, type Transport } from "./fixture.ts";
import { judgeFormat, judgeReconnection, overhead } from "./judge.ts";
import { nodePlatform } from "./node-platform.ts";
import { runTransport } from "./run-transport.ts";
import { FAULT_AT, SCENARIOS, type Scenario, STUCK_AFTER_MS } from "./scenarios.ts";

export interface MatrixResult {
  /** scenario name → transport → stable verdict */
  verdicts: Map<string, Map<Transport, string>>;
  /** scenario name → transport → measured value */
  measured: Map<string, Map<Transport, string>>;
  overhead: Map<Transport, { requests: string; bytesPerToken: string }>;
}

/** One scenario on every transport, each on fresh servers: its verdicts and measurements. */
export async function runScenario(scenario: Scenario) {
  const results = new Map<
    Transport,
    { verdict: string; measured: string; requests: string; bytesPerToken: string }
  >();
  await Promise.all(
    TRANSPORTS.map(async (transport) => {
      // Fresh servers and proxies per scenario: nothing one fault breaks
      // (pooled connections, server memory) leaks into the next scenario.
      const station = await startStation(transport);
      scenario.setup?.(station);
      let faultAt: number | undefined;
      const record = await runTransport(transport, {
        platform: nodePlatform,
        base: station.proxy.url,
        prompt: scenario.prompt,
        stuckAfterMs: scenario.stuckAfterMs ?? STUCK_AFTER_MS,
        heartbeatMs: TEST_SETTINGS.heartbeatMs,
        onToken: (count) => {
          if (scenario.fault && count === FAULT_AT && faultAt === undefined) {
            faultAt = performance.now();
            void scenario.fault(station);
          }
        },
      });
      const bytes = station.proxy.bytes.up + station.proxy.bytes.down;
      await station.close(); // also ends anything a stuck run left behind
      const judged =
        scenario.group === "Reconnection"
          ? judgeReconnection(record, scenario.prompt, faultAt)
          : judgeFormat(record, scenario.prompt, scenario.asksForTextBeforeTheEnd === true);
      results.set(transport, { ...judged, ...overhead(record, scenario.prompt, bytes) });
    }),
  );
  return results;
}

export async function runMatrix(): Promise<MatrixResult> {
  const result: MatrixResult = { verdicts: new Map(), measured: new Map(), overhead: new Map() };
  for (const scenario of SCENARIOS) {
    const rows = await runScenario(scenario);
    result.verdicts.set(scenario.name, new Map([...rows].map(([t, r]) => [t, r.verdict])));
    result.measured.set(scenario.name, new Map([...rows].map(([t, r]) => [t, r.measured])));
    if (scenario.isOverheadBaseline) {
      // No fault: a clean baseline for what each transport costs.
      for (const [t, r] of rows)
        result.overhead.set(t, { requests: r.requests, bytesPerToken: r.bytesPerToken });
    }
  }
  return result;
}
