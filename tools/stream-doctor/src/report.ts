// The report: readable text (English or Chinese) or JSON, and the exit status.
// Everything printed goes through `redact`, so a secret given on the command line
// (an Authorization header) never appears, even if the server echoes it back.
import { type CheckResult, counted, formatMs, type Message, type Status, verdictOf } from "./check.ts";
import type { Diagnosis } from "./doctor.ts";
import { type Lang, MESSAGES } from "./messages.ts";

export function render(message: Message, lang: Lang): string {
  const template = MESSAGES[lang][message.key];
  return template.replace(/\{([a-zA-Z]+)\}/g, (_whole, name: string) => {
    const value = message.params?.[name];
    if (value === undefined) throw new Error(`message ${message.key} needs {${name}}`);
    return typeof value === "object" ? render(value, lang) : String(value);
  });
}

/** Replaces each secret (header values given on the command line) wherever it appears. */
export function redactor(secrets: string[]): (text: string) => string {
  // Short values ("1", "no") would blank out ordinary words; they are not credentials.
  const hidden = secrets.filter((s) => s.length >= 4).sort((a, b) => b.length - a.length);
  return (text) => hidden.reduce((out, secret) => out.split(secret).join("[redacted]"), text);
}

export interface JsonReport {
  url: string;
  verdict: ReturnType<typeof verdictOf>;
  checks: { id: string; status: Status; summary: string; hint: string | null }[];
}

export function toJson(diagnosis: Diagnosis, lang: Lang, redact = (t: string) => t): JsonReport {
  return {
    url: redact(diagnosis.url),
    verdict: verdictOf(diagnosis.checks),
    checks: diagnosis.checks.map((c) => ({
      id: c.id,
      status: c.status,
      summary: redact(render(c.summary, lang)),
      hint: c.hint ? redact(render(c.hint, lang)) : null,
    })),
  };
}

const MARKS: Record<Status, string> = { pass: "✓", warn: "!", fail: "✗", skip: "–" };
const COLORS: Record<Status, string> = { pass: "32", warn: "33", fail: "31", skip: "2" };

export function toText(
  diagnosis: Diagnosis,
  lang: Lang,
  { redact = (t: string) => t, color = false }: { redact?: (t: string) => string; color?: boolean } = {},
): string {
  const paint = (status: Status, text: string) => (color ? `\x1b[${COLORS[status]}m${text}\x1b[0m` : text);
  const t = (message: Message) => redact(render(message, lang));
  const width = Math.max(...diagnosis.checks.map((c) => c.id.length));
  const lines = [
    t({
      key: "report.title",
      params: {
        url: diagnosis.url,
        mode: { key: `mode.${diagnosis.mode}` as const },
        watch: formatMs(diagnosis.watchMs),
      },
    }),
    "",
  ];
  for (const c of diagnosis.checks) {
    const label = render({ key: `label.${c.status}` as const }, lang);
    lines.push(
      `  ${paint(c.status, `${MARKS[c.status]} ${c.id.padEnd(width)}`)}  ${t(c.summary)}  (${label})`,
    );
    if (c.hint) lines.push(`  ${" ".repeat(width + 2)}  → ${t(c.hint)}`);
  }
  const verdict = verdictOf(diagnosis.checks);
  const count = (status: Status) => diagnosis.checks.filter((c: CheckResult) => c.status === status).length;
  lines.push(
    "",
    t({
      key: "report.verdict",
      params: {
        verdict: { key: `verdict.${verdict}` as const },
        failed: count("fail"),
        warned: counted(count("warn"), "unit.warning", "unit.warnings"),
      },
    }),
  );
  return lines.join("\n");
}

/** 0: nothing failed (warnings allowed); 1: a check failed. (2, unreachable, is the CLI's.) */
export function exitCodeOf(diagnosis: Diagnosis): 0 | 1 {
  return verdictOf(diagnosis.checks) === "broken" ? 1 : 0;
}
