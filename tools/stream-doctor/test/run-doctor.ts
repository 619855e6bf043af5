// For the tests: the doctor run in-process on a URL, and its checks by id, with
// the English summary beside each status so a failing assertion says what was seen.
import type { CheckId } from "../src/check.ts";
import { type DiagnoseOptions, type Diagnosis, diagnose } from "../src/doctor.ts";
import { DEFAULT_IDLE_TIMEOUT_MS, DEFAULT_MAX_BYTES } from "../src/options.ts";
import { render } from "../src/report.ts";

export interface Seen {
  status: string;
  summary: string;
  hint?: string;
}

export interface Run {
  diagnosis: Diagnosis;
  /** One check's status and summary (in English); "missing" if the doctor did not report it. */
  check(id: CheckId): Seen;
}

export async function runDoctor(url: string, options: Partial<DiagnoseOptions> = {}): Promise<Run> {
  const diagnosis = await diagnose({
    url,
    method: "GET",
    headers: [],
    watchMs: 3000,
    idleTimeoutMs: DEFAULT_IDLE_TIMEOUT_MS,
    maxBytes: DEFAULT_MAX_BYTES,
    followRedirects: false,
    ...options,
  });
  return {
    diagnosis,
    check(id) {
      const found = diagnosis.checks.find((c) => c.id === id);
      if (!found) return { status: "missing", summary: "" };
      const seen: Seen = { status: found.status, summary: render(found.summary, "en") };
      if (found.hint) seen.hint = render(found.hint, "en");
      return seen;
    },
  };
}

/** POST a JSON body, as a chat page's fetch() would. */
export const post = (body: unknown): Partial<DiagnoseOptions> => ({
  method: "POST",
  data: JSON.stringify(body),
});
