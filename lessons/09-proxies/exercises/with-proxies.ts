// For the checks: the student's lesson 09 (origins + nginx) started from the code under check.
import type { LessonCode } from "@workshop/exercises";
import { steadyTiming } from "@workshop/mock-llm";
import type * as Proxies from "../src/server/proxies.ts";

export async function withProxies(
  code: LessonCode,
  use: (path: (name: string) => string) => Promise<void>,
): Promise<void> {
  const { startProxies } = await code.load<typeof Proxies>("src/server/proxies.ts");
  const proxies = await startProxies({ timing: steadyTiming(20) });
  try {
    await use((name) => proxies.paths.find((path) => path.name === name)?.url ?? "");
  } finally {
    await proxies.stop();
  }
}
