// The load balancer on the lesson's port: round-robin over the instances that
// are up, no sticky sessions, responses streamed through as they come
// (http-proxy pipes, it never buffers), WebSocket upgrades passed through.
// Plus the class's kill switch: POST /api/debug/instances/:name/kill|start.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import {
  clientAddress,
  createLessonApp,
  HttpError,
  requireDebugHeader,
  sendPlainError,
  setTimeouts,
} from "@workshop/server-kit";
import httpProxy from "http-proxy";
import type { InstanceView } from "../protocol.ts";
import { type InstanceProcess, startInstanceProcess } from "./instance-process.ts";
import { LESSON } from "./lesson-name.ts";

export interface Balancer {
  server: Server;
  instances(): InstanceView[];
  /** The instances' ports (for nginx.conf's upstream block). */
  ports(): number[];
  kill(name: string): Promise<void>;
  start(name: string): Promise<void>;
  shutdown(): Promise<void>;
}

export async function createBalancer({
  redisUrl,
  names = ["a", "b", "c"],
  env = {},
  startInstance,
  readyWhen = "all",
}: {
  redisUrl: string;
  names?: string[];
  /** For every instance process (TOKEN_DELAY_MS, LEASE_MS: tests and demos). */
  env?: Record<string, string>;
  /** How an instance starts; default: its own process (instance-process.ts). */
  startInstance?: (name: string, port: number) => Promise<InstanceProcess>;
  /**
   * "all" (tests): resolve once every instance is up. "first" (`pnpm dev 07`): once the
   * first one is; the others start after it, so it gets the machine to itself and the page
   * answers sooner (it shows the others coming up).
   */
  readyWhen?: "all" | "first";
}): Promise<Balancer> {
  const start =
    startInstance ?? ((name: string, port: number) => startInstanceProcess(name, port, redisUrl, env));
  const processes = new Map<string, InstanceProcess>();
  const connections = new Map<string, number>(names.map((name) => [name, 0]));
  const upgraded = new Set<import("node:stream").Duplex>();
  const restarting = new Map<string, Promise<void>>();
  const launch = (name: string) =>
    start(name, 0).then((instance) => {
      processes.set(instance.name, instance);
    });
  // Each instance takes about half a second to start (Node and its modules).
  // "all": side by side, they share nothing.
  const [first, ...rest] = names;
  let starting: Promise<unknown>;
  let closing = false;
  if (readyWhen === "first" && first) {
    await launch(first);
    // An instance that Ctrl+C stopped before it listened is no news; one that failed alone is.
    starting = Promise.all(rest.map(launch)).catch((error) => {
      if (!closing) console.error(String(error));
    });
  } else {
    starting = Promise.all(names.map(launch));
    await starting;
  }
  let turn = 0;

  /** The next instance that is up, round-robin. */
  function pick(): InstanceProcess | undefined {
    for (let i = 0; i < names.length; i++) {
      const candidate = processes.get(names[turn++ % names.length] as string);
      if (candidate?.up) return candidate;
    }
    return undefined;
  }

  const view = (): InstanceView[] =>
    names.map((name) => ({
      name,
      up: processes.get(name)?.up ?? false,
      connections: connections.get(name) ?? 0,
    }));

  const kill = async (name: string) => {
    await processes.get(name)?.kill();
  };
  // One start at a time per instance: clicks that arrive together share it (each starting
  // its own would race for the same port: one up, the rest EADDRINUSE).
  const startAgain = (name: string): Promise<void> => {
    let pending = restarting.get(name);
    if (!pending) {
      pending = (async () => {
        const current = processes.get(name);
        if (current?.up) return;
        // Back on the port it had, so nothing else needs to learn a new address.
        processes.set(name, await start(name, current?.port ?? 0));
      })().finally(() => restarting.delete(name));
      restarting.set(name, pending);
    }
    return pending;
  };
  const shutdown = async () => {
    closing = true;
    await starting.catch(() => {}); // an instance still starting is stopped too, not orphaned
    await Promise.all([...processes.values()].map((instance) => instance.stop()));
    proxy.close();
    // The HTTP server's closeAllConnections() does not see upgraded sockets, and one whose
    // client never hangs up would keep server.close() waiting.
    for (const socket of upgraded) socket.destroy();
  };

  const control = createLessonApp(`${LESSON} balancer`, (app) => {
    app.get("/api/instances", (_req, res) => res.json({ instances: view() }));
    app.use("/api/debug", requireDebugHeader); // only the lesson's page may kill instances
    app.post("/api/debug/instances/:name/:action", async (req, res) => {
      const { name, action } = req.params;
      if (!processes.has(name))
        throw new HttpError(404, "unknown_instance", `No instance "${name}": ${names.join(", ")}.`);
      if (action === "kill") await kill(name);
      else if (action === "start") await startAgain(name);
      else throw new HttpError(404, "unknown_action", "Use kill or start.");
      res.json({ instances: view() });
    });
  });

  // The instances budget per client, by the last X-Forwarded-For entry (server-kit's
  // clientAddress). http-proxy's `xfwd` would append the balancer's own peer, which is the
  // page's dev proxy on 127.0.0.1: every browser would share one budget. The balancer
  // passes on the one address it trusts instead.
  const forwardClient = (req: IncomingMessage) => {
    req.headers["x-forwarded-for"] = clientAddress(req);
  };
  const proxy = httpProxy.createProxyServer({});
  // #region cut-on-death
  // An instance that dies mid-stream leaves its response unfinished: cut the
  // client's too, or it would wait forever on a stream nobody writes.
  proxy.on("proxyRes", (proxyRes, _req, res) => {
    proxyRes.once("close", () => {
      if (!proxyRes.complete) res.destroy();
    });
  });
  // #endregion
  // #region pass-hang-up
  // A client that leaves must leave the instance too. http-proxy only listens for the
  // request's `aborted`, which Node 20 no longer fires once a GET's body has ended, so every
  // stream a page closed stayed open on its instance: ghosts in presence, budgets used up.
  proxy.on("proxyReq", (proxyReq, _req, res) => {
    res.once("close", () => {
      if (!res.writableFinished) proxyReq.destroy();
    });
  });
  // #endregion
  const counted = (name: string, res: ServerResponse | import("node:stream").Duplex) => {
    connections.set(name, (connections.get(name) ?? 0) + 1);
    res.once("close", () => connections.set(name, (connections.get(name) ?? 1) - 1));
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    if (req.url?.startsWith("/api/instances") || req.url?.startsWith("/api/debug/instances")) {
      control(req, res);
      return;
    }
    const target = pick();
    if (!target)
      return sendPlainError(res, new HttpError(503, "no_instance", "Every instance is down: start one."));
    counted(target.name, res);
    forwardClient(req);
    proxy.web(req, res, { target: `http://127.0.0.1:${target.port}` }, (error) => {
      // The instance died: before the answer began, say so; mid-stream, cut the
      // connection so the client sees a drop (EventSource then reconnects, and lands elsewhere).
      if (!res.headersSent)
        sendPlainError(res, new HttpError(502, "instance_down", `Instance ${target.name}: ${error.message}`));
      else res.destroy();
    });
  });
  server.on("upgrade", (req, socket, head) => {
    upgraded.add(socket);
    socket.once("close", () => upgraded.delete(socket));
    const target = pick();
    if (!target) {
      // An upgrade is still an HTTP request: answer it as one, so the client reads why.
      const body = JSON.stringify({
        error: { code: "no_instance", message: "Every instance is down: start one." },
      });
      return socket.end(
        `HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
      );
    }
    counted(target.name, socket);
    forwardClient(req);
    proxy.ws(req, socket, head, { target: `ws://127.0.0.1:${target.port}` }, () => socket.destroy());
  });
  setTimeouts(server);
  return {
    server,
    instances: view,
    ports: () => names.map((name) => processes.get(name)?.port ?? 0),
    kill,
    start: startAgain,
    shutdown,
  };
}
