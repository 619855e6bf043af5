// The paths a stream can take from the origin to the browser, each an nginx
// `server` with the few directives that make it what it is. The README's
// nginx excerpts are rendered from these (test/readme-excerpts.test.ts), so
// the guide shows exactly what ran.

export interface PathSpec {
  name: string;
  note: string;
  /** Does a stream through it arrive all at once, at the end? (tested, path by path) */
  buffering: boolean;
  http2?: boolean;
  origin: "beating" | "quiet";
  /** Inside `location /`, after the lines every path shares. */
  directives: string[];
  /** A second nginx in front of this one (its own `location /` directives): the path's URL is the outer one. */
  outer?: string[];
}

// #region idle-timeout
const SHORT_READ_TIMEOUT = [
  "proxy_buffering off;",
  "proxy_read_timeout 1s;  # shortened for the class: nginx's default is 60s",
];
// #endregion

/** Compression for event streams at the proxy: the setting that holds a stream back. */
const GZIP = ["gzip on;", "gzip_types text/event-stream;"];
/** As if the app never sent `X-Accel-Buffering: no` (lesson 02's server does). */
const IGNORE_APP_HINT = "proxy_ignore_headers X-Accel-Buffering;";

export const PATHS: PathSpec[] = [
  {
    name: "nginx-defaults",
    note: "nginx's default `proxy_buffering on`, the app's hint ignored: nginx still passes each event on as soon as the client can take it (measured: buffering alone is not what holds a stream back).",
    buffering: false,
    origin: "beating",
    directives: [IGNORE_APP_HINT],
  },
  {
    name: "gzip",
    note: "`gzip on` for event streams, with buffering on and no hint from the app: the compressor waits for more data, and the reply arrives all at once at the end.",
    buffering: true,
    origin: "beating",
    directives: [IGNORE_APP_HINT, ...GZIP],
  },
  {
    name: "gzip-buffering-off",
    note: "The same gzip, with `proxy_buffering off`: each chunk is compressed and flushed as it comes.",
    buffering: false,
    origin: "beating",
    directives: [IGNORE_APP_HINT, ...GZIP, "proxy_buffering off;"],
  },
  {
    name: "gzip-accel-header",
    note: "The same gzip and nginx's defaults, and the app sends `X-Accel-Buffering: no` (lesson 02 does): nginx honors it for that response.",
    buffering: false,
    origin: "beating",
    directives: GZIP,
  },
  {
    name: "two-layers",
    note: "Two nginx: the inner honors `X-Accel-Buffering` but does not pass it on (nginx's default for X-Accel-* headers); the outer compresses and, never told, buffers.",
    buffering: true,
    origin: "beating",
    directives: [],
    outer: GZIP,
  },
  {
    name: "two-layers-fixed",
    note: "The inner nginx passes the header on (`proxy_pass_header`), and the outer honors it too.",
    buffering: false,
    origin: "beating",
    // #region pass-the-hint
    directives: ["proxy_pass_header X-Accel-Buffering;"],
    // #endregion
    outer: GZIP,
  },
  {
    name: "http2",
    note: "HTTP/2 over TLS (a self-signed certificate, kept per user): one connection carries every stream.",
    buffering: false,
    http2: true,
    origin: "beating",
    directives: ["proxy_buffering off;"],
  },
  {
    name: "idle-quiet",
    note: "`proxy_read_timeout 1s` and an origin that sends nothing for a while: nginx cuts the stream.",
    buffering: false,
    origin: "quiet",
    directives: SHORT_READ_TIMEOUT,
  },
  {
    name: "idle-heartbeat",
    note: "`proxy_read_timeout 1s` too, and heartbeats every 300 ms: under the timeout, the stream lives.",
    buffering: false,
    origin: "beating",
    directives: SHORT_READ_TIMEOUT,
  },
];
