// Fixed default ports per lesson, so several lessons run side by side:
// lesson NN serves its API on 31NN and its page on 51NN.
export function lessonPorts(lessonNumber: string): { api: number; page: number } {
  const n = Number.parseInt(lessonNumber, 10);
  return { api: Number(process.env.PORT) || 3100 + n, page: Number(process.env.PAGE_PORT) || 5100 + n };
}

export function lessonHost(): string {
  // Loopback unless told otherwise: a classroom network is not a test bench.
  return process.env.HOST || "127.0.0.1";
}
