// What is missing from a lesson page's Chinese (page-kit's page-language.ts): a
// data-i18n key of its index.html without Chinese, a Chinese text no key uses,
// a message missing in a language or with other {placeholders}, a "Chinese"
// text with no Chinese in it. Empty when the catalogue is complete.
import { readFileSync } from "node:fs";

export function pageCatalogueProblems(
  indexHtml: string | URL,
  htmlZh: Record<string, string>,
  messages: { en: Record<string, string>; zh: Record<string, string> },
): string[] {
  const html = readFileSync(indexHtml, "utf8");
  const keys = new Set(
    [...html.matchAll(/data-i18n(?:-placeholder|-label)?="([^"]+)"/g)].map(([, key]) => key),
  );
  const chinese = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/; // Chinese characters or punctuation
  const placeholders = (text = "") => (text.match(/\{\w+\}/g) ?? []).sort().join();
  const problems: string[] = [];
  for (const key of keys)
    if (key !== undefined && !(key in htmlZh)) problems.push(`index.html's "${key}" has no Chinese`);
  for (const key of Object.keys(htmlZh)) if (!keys.has(key)) problems.push(`"${key}" is used by no element`);
  for (const [key, text] of Object.entries(htmlZh))
    if (!chinese.test(text)) problems.push(`"${key}" is not in Chinese: ${text}`);
  for (const key of new Set([...Object.keys(messages.en), ...Object.keys(messages.zh)])) {
    const [en, zh] = [messages.en[key], messages.zh[key]];
    if (en === undefined || zh === undefined)
      problems.push(`message "${key}" is missing in ${en === undefined ? "en" : "zh"}`);
    else if (placeholders(en) !== placeholders(zh))
      problems.push(`message "${key}" has other {placeholders} in zh`);
    else if (!chinese.test(zh)) problems.push(`message "${key}" is not in Chinese: ${zh}`);
  }
  return problems;
}
