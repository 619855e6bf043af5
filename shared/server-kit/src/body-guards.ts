// Two ways a client can hold a request open without finishing it, and the
// answer to each (issue 11): a declared Content-Length over the limit gets
// 413 at once, instead of body-parser draining a body that may never come;
// a body that stops arriving gets 408 after a while, instead of a socket
// held forever. Both close the connection: the rest of the body is unread.
import type { RequestHandler, Response } from "express";
import { sendError } from "./errors.ts";

export const BODY_TIMEOUT_MS = Number(process.env.BODY_TIMEOUT_MS) || 10_000;

function answerAndClose(res: Response, status: number, code: string, message: string): void {
  res.set("Connection", "close");
  res.once("finish", () => res.req.socket.destroySoon());
  sendError(res, status, code, message);
}

export function refuseOversizeBody(limitBytes: number): RequestHandler {
  return (req, res, next) => {
    const declared = Number(req.get("Content-Length"));
    if (declared > limitBytes) {
      return answerAndClose(
        res,
        413,
        "body_too_large",
        `The request body is over the ${limitBytes}-byte limit.`,
      );
    }
    next();
  };
}

export function bodyTimeout(ms: number): RequestHandler {
  return (req, res, next) => {
    const hasBody = Number(req.get("Content-Length")) > 0 || req.get("Transfer-Encoding") !== undefined;
    if (!hasBody || req.complete) return next();
    const timer = setTimeout(() => {
      if (req.complete || res.headersSent) return;
      answerAndClose(res, 408, "body_timeout", `The request body did not arrive within ${ms} ms.`);
    }, ms);
    const clear = () => clearTimeout(timer);
    req.once("end", clear);
    res.once("close", clear);
    next();
  };
}
