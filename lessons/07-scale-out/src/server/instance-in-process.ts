// An instance inside this process, with the same handle as a process
// (instance-process.ts) so the balancer cannot tell them apart. A process
// takes about half a second to start; this takes milliseconds, which is what
// the comparison matrix needs to start fresh instances for every run.
import { once } from "node:events";
import { createInstance, type InstanceOptions } from "./app.ts";
import type { InstanceProcess } from "./instance-process.ts";

export async function startInstanceInProcess(
  name: string,
  port: number,
  options: Omit<InstanceOptions, "name">,
): Promise<InstanceProcess> {
  const instance = await createInstance({ ...options, name });
  instance.server.listen(port, "127.0.0.1");
  await once(instance.server, "listening");
  let up = true;
  return {
    name,
    port: (instance.server.address() as { port: number }).port,
    get up() {
      return up;
    },
    async kill() {
      if (!up) return;
      up = false;
      await instance.kill();
    },
    async stop() {
      if (!up) return;
      up = false;
      await instance.shutdown();
    },
  };
}
