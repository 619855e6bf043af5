// A free port, for a helper process that must be told its port (redis-server,
// nginx) rather than choosing one with port 0. `prefer`: that port when it is
// free, so a lesson keeps its URLs across restarts (a browser remembers a
// certificate exception per host and port); any free one otherwise.
import { createServer } from "node:net";

export async function freePort({ prefer = 0, host = "127.0.0.1" } = {}): Promise<number> {
  const probe = createServer();
  const tryListen = (port: number) =>
    new Promise<boolean>((resolve) => {
      probe.once("error", () => resolve(false));
      probe.listen(port, host, () => resolve(true));
    });
  if (!(prefer && (await tryListen(prefer))) && !(await tryListen(0)))
    throw new Error(`cannot listen on ${host}: is HOST an address of this machine?`);
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/**
 * Starts a helper on ports `start` chooses with freePort. Between the choice and the helper's
 * bind, another socket can take a port (a test suite opens thousands): then choose again and
 * start again, a few times, instead of failing on a port that was free a moment ago.
 */
export async function onFreshPorts<T>(start: () => Promise<T>, tries = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await start();
    } catch (error) {
      if (attempt >= tries || !String(error).includes("Address already in use")) throw error;
    }
  }
}
