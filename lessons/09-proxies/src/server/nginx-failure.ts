// When nginx refuses the config the lesson renders (most often a directive typed in
// src/server/paths.ts, as in exercise 09.2), a student should read nginx's own sentence
// and where to fix it, not a Node stack trace that looks like the workshop crashed.

/** A few lines for the terminal, or undefined when the error is not nginx refusing to start. */
export function describeNginxFailure(error: unknown): string | undefined {
  const message = error instanceof Error ? error.message : String(error);
  if (!message.startsWith("nginx did not start")) return undefined;
  const said = message
    .split("\n")
    .filter((line) => /\[(emerg|alert|crit|error)\]/.test(line))
    .map((line) => `  ${line.replace(/^\S+ \S+ /, "").replace(/ in \S+nginx\.conf:\d+$/, "")}`);
  return [
    "Lesson 09: nginx refused its config:",
    ...(said.length > 0 ? said : [`  ${message}`]),
    "The paths' directives are in src/server/paths.ts (exercise 09.2 edits one): fix it and save,",
    "and `pnpm dev` starts the lesson again.",
  ].join("\n");
}
