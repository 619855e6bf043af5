// Fixed default ports per lesson, so several lessons run side by side:
// lesson NN serves its API on 31NN and its page on 51NN. PORT=0 lets the OS pick the
// API's port (the server says which): a test that picked a free port and handed it over
// could lose it, in between, to any of the suite's other connections.
export function lessonPorts(lessonNumber: string): { api: number; page: number } {
  const n = Number.parseInt(lessonNumber, 10);
  return { api: portFrom(process.env.PORT) ?? 3100 + n, page: Number(process.env.PAGE_PORT) || 5100 + n };
}

const portFrom = (value = "") => (/^\d+$/.test(value.trim()) ? Number(value) : undefined);

export function lessonHost(): string {
  // Loopback unless told otherwise: a classroom network is not a test bench.
  return process.env.HOST || "127.0.0.1";
}

/**
 * The origins a lesson's own page is served from: its port on 127.0.0.1 and
 * localhost, plus ALLOWED_ORIGINS (comma-separated), e.g. the instructor's
 * LAN address when students open the page from their laptops
 * (`HOST=0.0.0.0 ALLOWED_ORIGINS=http://192.168.1.20:5103 pnpm dev 03`).
 * What a WebSocket upgrade's Origin is checked against.
 */
export function lessonPageOrigins(lessonNumber: string, env: NodeJS.ProcessEnv = process.env): Set<string> {
  const { page } = lessonPorts(lessonNumber);
  const extra = (env.ALLOWED_ORIGINS ?? "")
    .split(",")
    .map((origin) => origin.trim().replace(/\/$/, ""))
    .filter(Boolean);
  return new Set([`http://127.0.0.1:${page}`, `http://localhost:${page}`, ...extra]);
}
