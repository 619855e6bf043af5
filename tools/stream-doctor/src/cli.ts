// `pnpm stream-doctor <url> [options]` (and the package's `stream-doctor` bin).
// Exit status: 0 nothing failed, 1 a check failed, 2 the URL could not be probed
// or the command line was wrong (one line on stderr saying why).
import { type Diagnosis, diagnose, maskCredentials } from "./doctor.ts";
import { ProbeError } from "./http-probe.ts";
import { parseCli, USAGE, UsageError } from "./options.ts";
import { exitCodeOf, redactor, render, toJson, toText } from "./report.ts";

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  color?: boolean;
}

export async function main(argv: string[], io: Io): Promise<0 | 1 | 2> {
  let cli: ReturnType<typeof parseCli>;
  try {
    cli = parseCli(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`stream doctor: ${error.message} (pnpm stream-doctor --help)`);
    return 2;
  }
  if (cli === "help") {
    io.out(USAGE);
    return 0;
  }
  const { doctor, json, lang } = cli;
  const secrets = doctor.headers.map(([, value]) => value);
  if (doctor.url.password) secrets.push(decodeURIComponent(doctor.url.password));
  const redact = redactor(secrets);

  let diagnosis: Diagnosis;
  try {
    diagnosis = await diagnose(doctor);
  } catch (error) {
    if (!(error instanceof ProbeError)) throw error;
    const url = maskCredentials(doctor.url);
    const line = redact(render({ key: "report.unreachable", params: { url, reason: error.reason } }, lang));
    if (json) io.out(JSON.stringify({ url, error: redact(render(error.reason, lang)) }, null, 2));
    io.err(line);
    return 2;
  }
  io.out(
    json
      ? JSON.stringify(toJson(diagnosis, lang, redact), null, 2)
      : toText(diagnosis, lang, { redact, color: io.color }),
  );
  return exitCodeOf(diagnosis);
}
