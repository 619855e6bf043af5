// Bad input gets a clear JSON error, never a crash or an HTML stack trace:
// `{ "error": { "code", "message" } }` with a 4xx status.

import type { ServerResponse } from "node:http";
import { apiError } from "@workshop/protocol";
import type { ErrorRequestHandler, RequestHandler, Response } from "express";

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Sent as Retry-After with 429 and 503: when trying again makes sense. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

export function sendError(res: Response, status: number, code: string, message: string): void {
  res.status(status).json(apiError(code, message));
}

/** The same JSON error, from a plain node:http route (no Express). */
export function sendPlainError(res: ServerResponse, error: HttpError): void {
  const headers: Record<string, string> = { "Content-Type": "application/json; charset=utf-8" };
  if (error.retryAfterSeconds !== undefined) headers["Retry-After"] = String(error.retryAfterSeconds);
  res.writeHead(error.status, headers).end(JSON.stringify(apiError(error.code, error.message)));
}

/** Unknown routes, `/` and `//api/…` included: 404 JSON instead of Express's HTML page. */
export const notFound: RequestHandler = (req, res) => {
  sendError(res, 404, "not_found", `No route for ${req.method} ${req.path}`);
};

/** Last middleware: turns thrown HttpErrors and body-parser failures into JSON. */
export const jsonErrors: ErrorRequestHandler = (error, _req, res, next) => {
  if (res.headersSent) return next(error); // a stream already started: nothing to answer
  if (error instanceof HttpError) {
    if (error.retryAfterSeconds !== undefined) res.set("Retry-After", String(error.retryAfterSeconds));
    return sendError(res, error.status, error.code, error.message);
  }
  // body-parser marks its errors with `type` and a 4xx `status`.
  switch (error?.type) {
    case "entity.parse.failed":
      return sendError(res, 400, "invalid_json", "The request body is not valid JSON.");
    case "entity.too.large":
      return sendError(res, 413, "body_too_large", `The request body is over the ${error.limit}-byte limit.`);
    case "encoding.unsupported":
    case "charset.unsupported":
      return sendError(res, 415, "unsupported_encoding", String(error.message));
  }
  if (typeof error?.status === "number" && error.status >= 400 && error.status < 500) {
    return sendError(res, error.status, "bad_request", String(error.message));
  }
  console.error(error);
  sendError(res, 500, "internal_error", "Something went wrong on the server.");
};
