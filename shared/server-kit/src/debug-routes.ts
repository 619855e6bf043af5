// Debug routes (cut every stream, inject faults) are for the lesson's own
// page. A simple cross-site request (a form, a no-cors fetch) cannot send a
// custom header, so requiring one forces the browser to preflight, and this
// refuses the preflight: another page on the machine cannot trigger them.
import type { RequestHandler } from "express";
import { sendError } from "./errors.ts";

export const DEBUG_HEADER = "X-Workshop-Debug";

export const requireDebugHeader: RequestHandler = (req, res, next) => {
  if (req.get(DEBUG_HEADER) === "1") return next();
  sendError(res, 403, "debug_header_required", `Debug routes need the header ${DEBUG_HEADER}: 1.`);
};
