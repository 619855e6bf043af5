// The doctor as a library: what the CLI runs, for tests and for anyone scripting it.
export { CHECK_IDS, type CheckId, type CheckResult, type Status, type Verdict, verdictOf } from "./check.ts";
export { main } from "./cli.ts";
export { type DiagnoseOptions, type Diagnosis, diagnose } from "./doctor.ts";
export { ProbeError } from "./http-probe.ts";
export { type Lang, MESSAGES, type MessageKey } from "./messages.ts";
export {
  DEFAULT_IDLE_TIMEOUT_MS,
  DEFAULT_MAX_BYTES,
  DEFAULT_WATCH_MS,
  parseCli,
  parseDuration,
} from "./options.ts";
export { exitCodeOf, render, toJson, toText } from "./report.ts";
