// A lesson's server started as its own process, in a test: which port it listens on.
import type { ChildProcess } from "node:child_process";
import type { Readable } from "node:stream";

/**
 * A lesson's server process started with PORT=0 (its own `node --import tsx main.ts`): resolves
 * with the port it says it listens on, and what it printed until then; rejects if it exits first.
 * The OS picks the port as the server binds it: one a test picked free and handed over could be
 * taken in between by any of the suite's other connections.
 */
export function listeningPort(
  server: ChildProcess & { stdout: Readable },
): Promise<{ port: number; log: string }> {
  return new Promise((resolve, reject) => {
    let log = "";
    server.stdout.on("data", (chunk: Buffer) => {
      log += chunk;
      // Its line in either language (lesson-server-text.ts): WORKSHOP_LANG=zh may be set.
      const port = /(?:listening on |API 已启动：)http:\/\/[^\s:]+:(\d+)/.exec(log)?.[1];
      if (port) resolve({ port: Number(port), log });
    });
    server.once("exit", (code) => reject(new Error(`the server exited (${code}): ${log}`)));
  });
}
