// What went wrong upstream, in two versions: `detail` for the server's log
// (redacted: upstream bodies can echo the API key), and a fixed public
// message per kind of failure for the browser. Upstream text never reaches
// the page.
import { SseBufferOverflowError } from "@workshop/protocol";

export type UpstreamFailure = "upstream_unavailable" | "upstream_failed" | "upstream_timeout";

export class UpstreamError extends Error {
  constructor(
    readonly code: UpstreamFailure,
    /** For the log only. */
    readonly detail: string,
    /** The upstream's HTTP status, when it answered one. */
    readonly status?: number,
  ) {
    super(detail);
  }
}

/** Any failure of an upstream call, as an UpstreamError. */
export function toUpstreamError(error: unknown): UpstreamError {
  if (error instanceof UpstreamError) return error;
  if (error instanceof SseBufferOverflowError) {
    return new UpstreamError("upstream_failed", `upstream event too large: ${error.message}`);
  }
  return new UpstreamError("upstream_failed", String(error));
}

// #region public-message
/** The only words about an upstream failure that the browser ever sees. */
export function publicMessage(error: UpstreamError, idleTimeoutMs: number): string {
  switch (error.code) {
    case "upstream_unavailable":
      return error.status
        ? `The model provider refused the request (HTTP ${error.status}).`
        : "The model provider could not be reached.";
    case "upstream_timeout":
      return `The model provider sent nothing for ${idleTimeoutMs} ms.`;
    case "upstream_failed":
      return "The model provider's answer broke off or could not be read.";
  }
}
// #endregion

/** The detail with the key (and any bearer token) blacked out, for the server's log. */
export function redact(text: string, apiKey: string): string {
  let out = apiKey.length >= 4 ? text.split(apiKey).join("[redacted]") : text;
  out = out.replace(/\b(Bearer\s+)\S+/gi, "$1[redacted]").replace(/\bsk-[\w-]{6,}/g, "sk-[redacted]");
  return out;
}
