// The command line: `pnpm stream-doctor <url> [options]`, read into DoctorOptions.
// A mistake here is a usage error (exit 2, one line), never a half-run probe.
import { parseArgs } from "node:util";
import type { Lang } from "./messages.ts";

export interface DoctorOptions {
  url: URL;
  method: string;
  /** Sent as the request body, exactly once (a re-sent chat would be a second generation). */
  data?: string;
  /** Added to every request; their values are never printed. */
  headers: [string, string][];
  /** Also check an OpenAI-compatible chunk stream. */
  format?: "openai";
  /** The wait for an answer, then how long each connection is listened to: a run takes a few of these at most. */
  watchMs: number;
  /** The silence a proxy or load balancer on the path tolerates. */
  idleTimeoutMs: number;
  /** Bytes read per connection, at most. */
  maxBytes: number;
  /** Follow a redirect to another origin (same-origin redirects are always followed). */
  followRedirects: boolean;
  /** WebSocket: the page's own Origin, for the connection that should be accepted. */
  origin?: string;
  /** Test seam: each body read as it arrives, so a fixture can speak only after the doctor heard it. */
  onRead?: (bytes: Uint8Array) => void;
}

export interface CliOptions {
  doctor: DoctorOptions;
  json: boolean;
  lang: Lang;
}

/** A mistake on the command line: printed as one line, exit 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

export const DEFAULT_WATCH_MS = 5_000;
/** nginx's proxy_read_timeout and AWS ALB's idle timeout: the figure most paths cut at. */
export const DEFAULT_IDLE_TIMEOUT_MS = 60_000;
export const DEFAULT_MAX_BYTES = 4 * 1024 * 1024;
/** Long enough to watch an idle timeout of 10 minutes, short enough that a typo can't hang a class. */
const MAX_WATCH_MS = 15 * 60_000;

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000 };
const SIZES: Record<string, number> = { b: 1, kb: 1024, mb: 1024 * 1024 };

/** "6s", "500ms", "2m", "1.5s" → milliseconds. A bare number is refused: 60 what? */
export function parseDuration(text: string, flag = "duration"): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m)$/.exec(text.trim());
  if (!match) throw new UsageError(`${flag} "${text}": write it like 6s, 500ms or 2m`);
  const ms = Math.round(Number(match[1]) * (UNITS[match[2] as string] as number));
  if (ms <= 0) throw new UsageError(`${flag} "${text}" must be more than 0`);
  return ms;
}

/** "64kb", "4mb", "1000b" → bytes. */
export function parseSize(text: string, flag = "size"): number {
  const match = /^(\d+)(b|kb|mb)$/i.exec(text.trim());
  if (!match) throw new UsageError(`${flag} "${text}": write it like 64kb or 4mb`);
  const bytes = Number(match[1]) * (SIZES[(match[2] as string).toLowerCase()] as number);
  if (bytes <= 0) throw new UsageError(`${flag} "${text}" must be more than 0`);
  return bytes;
}

/** "Name: value" → [name, value]; the value may itself hold colons (a URL, a token). */
export function parseHeader(text: string): [string, string] {
  const colon = text.indexOf(":");
  const name = colon > 0 ? text.slice(0, colon).trim() : "";
  if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name))
    throw new UsageError(`--header "${text.slice(0, 40)}": write it like 'Authorization: Bearer …'`);
  return [name, text.slice(colon + 1).trim()];
}

export const USAGE = `usage: pnpm stream-doctor <url> [options]

  <url>                      http(s)://… an event stream or fetch stream; ws(s)://… a WebSocket
  --method <METHOD>          GET (default; POST when --data is given)
  --data '<json>'            the request body, sent once (a chat: --method POST --data '{"messages":…}')
  --header 'K: V'            a request header, repeatable; values are never printed
  --format openai            also check an OpenAI-compatible chunk stream
  --watch <duration>         how long to listen to each connection (default 5s): 500ms, 6s, 2m
  --idle-timeout <duration>  the shortest idle timeout on the path (default 60s)
  --max-bytes <size>         most bytes read per connection (default 4mb)
  --origin <origin>          WebSocket: your page's origin, sent on the connection that should work
  --follow-redirects         also follow a redirect to another host (never by default)
  --json                     print { url, verdict, checks } as JSON
  --lang <en|zh>             the report's language (default en)

exit status: 0 nothing failed, 1 a check failed, 2 the URL could not be probed`;

export function parseCli(argv: string[]): CliOptions | "help" {
  let parsed: ReturnType<typeof parseWith>;
  try {
    parsed = parseWith(argv);
  } catch (error) {
    // parseArgs' own messages are long; keep the first sentence.
    throw new UsageError((error as Error).message.split(". ")[0] ?? "unknown option");
  }
  const { values, positionals } = parsed;
  if (values.help) return "help";
  if (positionals.length !== 1) throw new UsageError("give exactly one URL to probe");

  let url: URL;
  try {
    url = new URL(positionals[0] as string);
  } catch {
    throw new UsageError(`"${positionals[0]}" is not a URL (e.g. http://127.0.0.1:3102/api/clock)`);
  }
  if (!["http:", "https:", "ws:", "wss:"].includes(url.protocol))
    throw new UsageError(`${url.protocol} URLs are not probed: use http(s):// or ws(s)://`);

  const lang = values.lang ?? "en";
  if (lang !== "en" && lang !== "zh") throw new UsageError(`--lang ${lang}: en or zh`);
  if (values.format !== undefined && values.format !== "openai")
    throw new UsageError(`--format ${values.format}: the one format checked is openai`);
  const method = (values.method ?? (values.data === undefined ? "GET" : "POST")).toUpperCase();
  if (!/^[A-Z]+$/.test(method)) throw new UsageError(`--method ${values.method}: e.g. GET or POST`);
  if (values.data !== undefined && (method === "GET" || method === "HEAD"))
    throw new UsageError(`--data needs a method with a body (--method POST), not ${method}`);
  const websocket = url.protocol === "ws:" || url.protocol === "wss:";
  if (websocket && (values.data !== undefined || values.format !== undefined || values.method !== undefined))
    throw new UsageError("--method, --data and --format are for http(s) URLs, not WebSockets");
  if (values.origin !== undefined && !websocket)
    throw new UsageError("--origin is for ws(s) URLs; for http(s), send --header 'Origin: …'");
  if (values.origin !== undefined && !/^https?:\/\/[^/]+$/.test(values.origin))
    throw new UsageError(`--origin ${values.origin}: an origin like https://app.example.com, no path`);

  const watchMs = values.watch === undefined ? DEFAULT_WATCH_MS : parseDuration(values.watch, "--watch");
  if (watchMs > MAX_WATCH_MS) throw new UsageError(`--watch ${values.watch}: at most 15m`);
  return {
    json: values.json ?? false,
    lang,
    doctor: {
      url,
      method,
      data: values.data,
      headers: (values.header ?? []).map(parseHeader),
      format: values.format === "openai" ? "openai" : undefined,
      watchMs,
      idleTimeoutMs:
        values["idle-timeout"] === undefined
          ? DEFAULT_IDLE_TIMEOUT_MS
          : parseDuration(values["idle-timeout"], "--idle-timeout"),
      maxBytes:
        values["max-bytes"] === undefined ? DEFAULT_MAX_BYTES : parseSize(values["max-bytes"], "--max-bytes"),
      followRedirects: values["follow-redirects"] ?? false,
      origin: values.origin,
    },
  };
}

function parseWith(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      method: { type: "string" },
      data: { type: "string" },
      header: { type: "string", multiple: true, short: "H" },
      format: { type: "string" },
      watch: { type: "string" },
      "idle-timeout": { type: "string" },
      "max-bytes": { type: "string" },
      origin: { type: "string" },
      "follow-redirects": { type: "boolean" },
      json: { type: "boolean" },
      lang: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
}
