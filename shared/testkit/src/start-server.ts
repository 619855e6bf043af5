// Tests start each server on 127.0.0.1, port 0: the OS picks a free port, so
// test files can run in parallel and nothing is reachable from the network.
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface RunningServer {
  /** e.g. "http://127.0.0.1:43817" */
  url: string;
  port: number;
  /** Ends every open connection, then stops listening. */
  close(): Promise<void>;
}

export async function startServer(server: Server): Promise<RunningServer> {
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        // Streams never end by themselves: without this, close() would wait for them.
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
