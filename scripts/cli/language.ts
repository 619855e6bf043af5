// Which language the workshop's CLIs speak: `--lang zh` or `--lang en` wins;
// otherwise the locale (LC_ALL, then LC_MESSAGES, then LANG, as POSIX orders
// them): `zh_CN.UTF-8`, `zh_TW`, `zh` mean Chinese. Anything else is English.
export type CliLanguage = "en" | "zh";

export function cliLanguage(argv: readonly string[] = process.argv, env = process.env): CliLanguage {
  const at = argv.indexOf("--lang");
  const flag =
    at >= 0 ? argv[at + 1] : argv.find((arg) => arg.startsWith("--lang="))?.slice("--lang=".length);
  if (flag === "zh" || flag === "en") return flag;
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || "";
  return /^zh\b|^zh_/i.test(locale) ? "zh" : "en";
}

/** argv without `--lang <x>` / `--lang=<x>`: what is left for the command's own parser. */
export function withoutLang(argv: readonly string[]): string[] {
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--lang") i++;
    else if (!argv[i]?.startsWith("--lang=")) rest.push(argv[i] ?? "");
  }
  return rest;
}
