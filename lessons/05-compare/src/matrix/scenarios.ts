// What the comparison puts each transport through. A fault fires when the
// client has received FAULT_AT tokens.
import { type Station, TEST_SETTINGS } from "./fixture.ts";
import { WEBSOCKET_BACKOFF } from "./runs/websocket.ts";

export const FAULT_AT = 8;
const REPLY =
  "echo: 流式输出 sends each token as soon as it exists. 你好，世界。Every transport carries the same reply, token by token.";
const canned = (head: string, body = "") =>
  `${head}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`;

export interface Scenario {
  group: "Reconnection" | "Format";
  name: string;
  prompt: string;
  /** Before the run starts (e.g. fragment everything). */
  setup?: (station: Station) => void;
  /** When the client has FAULT_AT tokens. */
  fault?: (station: Station) => void | Promise<void>;
  /** No token for this long: the run is stuck (default STUCK_AFTER_MS). */
  stuckAfterMs?: number;
  /** Judged on timing too: did text arrive before the reply ended? (else only on exact text) */
  asksForTextBeforeTheEnd?: boolean;
  /** A clean run whose requests and bytes per token are reported as each transport's overhead. */
  isOverheadBaseline?: boolean;
}

/**
 * A run is stuck once no token has come for this long. The slowest recovery a client
 * here makes by design is WebSocket's on a silent network: its watchdog (three missed
 * heartbeats) and then its longest backoff, 1.15 s with the matrix's settings.
 * Four times that still tells a client that recovers from one that never notices, on a
 * machine running at a quarter of its speed. Only a stuck run waits it out.
 */
export const STUCK_AFTER_MS = 4 * (3 * TEST_SETTINGS.heartbeatMs + WEBSOCKET_BACKOFF.maxMs);

/** How long the "answered … for 300 ms" rows answer reconnects with their fault. */
export const OUTAGE_MS = 300;

/**
 * A fault that lasts a moment: new connections get `response` for OUTAGE_MS from the first
 * reconnect (however long the client waits before it), then the server is back.
 */
const answerReconnectsWith = (response: string) => (station: Station) => {
  station.proxy.answerNew(response, OUTAGE_MS);
  station.proxy.cutAll();
};

export const SCENARIOS: Scenario[] = [
  {
    group: "Reconnection",
    name: "connection dropped mid-stream",
    prompt: REPLY,
    fault: (s) => s.proxy.cutAll(),
  },
  {
    group: "Reconnection",
    name: "server restarted mid-stream (memory lost)",
    prompt: REPLY,
    fault: (s) => s.restart(),
  },
  {
    group: "Reconnection",
    name: "dropped, and the reconnect answered 500 for 300 ms",
    prompt: REPLY,
    fault: answerReconnectsWith(canned("HTTP/1.1 500 Internal Server Error")),
  },
  {
    group: "Reconnection",
    name: "dropped, and the reconnect answered 204 for 300 ms",
    prompt: REPLY,
    fault: answerReconnectsWith(canned("HTTP/1.1 204 No Content")),
  },
  {
    group: "Reconnection",
    name: "dropped, and the reconnect answered text/html for 300 ms",
    prompt: REPLY,
    fault: answerReconnectsWith(canned("HTTP/1.1 200 OK\r\nContent-Type: text/html", "<p>maintenance</p>")),
  },
  {
    group: "Reconnection",
    name: "network silent without FIN, longer than the heartbeat",
    prompt: REPLY,
    fault: (s) => s.proxy.freezeOpen(),
  },
  // Exercise 05.3 adds a row here.
  // #region more-reconnection-scenarios
  // #endregion
  {
    group: "Format",
    name: "1-byte fragments (every multi-byte character split)",
    prompt: REPLY,
    setup: (s) => s.proxy.fragment(1),
  },
  {
    group: "Format",
    name: "CRLF, a lone CR, blank lines and a data: look-alike in the text",
    prompt: "echo: line one\r\nline two\rline three\n\ndata: not a field\n: not a comment",
    isOverheadBaseline: true,
  },
  { group: "Format", name: "an empty message", prompt: "echo:    " },
  {
    group: "Format",
    name: "a 1 MiB message (one token of 1,048,576 characters)",
    prompt: "blob: 1048576",
    stuckAfterMs: 30_000, // one token of a mebibyte: nothing arrives until all of it has
  },
  {
    group: "Format",
    name: "a buffering reverse proxy (gzip on event streams): text before the end?",
    prompt: REPLY,
    setup: (s) => s.proxy.bufferResponses(true),
    asksForTextBeforeTheEnd: true,
  },
  // Exercise 05.4 adds a row here.
  // #region more-format-scenarios
  // #endregion
];
