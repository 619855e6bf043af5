// For the checks: the student's lesson 09 (origins + nginx) started from the code under check.
import type { LessonCode } from "@workshop/exercises";
import type * as Proxies from "../src/server/proxies.ts";

export async function withProxies(
  code: LessonCode,
  use: (path: (name: string) => string) => Promise<void>,
): Promise<void> {
  const { startProxies } = await code.load<typeof Proxies>("src/server/proxies.ts");
  const proxies = await startProxies({ timing: { firstTokenDelayMs: 0, tokenDelayMs: 20, jitterMs: 0 } });
  try {
    await use((name) => proxies.paths.find((path) => path.name === name)?.url ?? "");
  } finally {
    await proxies.stop();
  }
}
