// A lesson page in English or 中文: `?lang=zh` or `?lang=en` chooses, and the
// choice is remembered (localStorage) for the class's next page. The page's
// HTML is the English text; each element a class reads carries a
// `data-i18n` key (and `data-i18n-placeholder` / `data-i18n-label` for its
// placeholder and accessible name), and the lesson's catalogue gives the Chinese.
// Catalogue text is ours, never a server's: `code` and *em* in it become
// <code> and <em> elements, and everything else is text (no HTML is parsed).
export type PageLanguage = "en" | "zh";

const REMEMBERED = "workshop:lang";

export function pageLanguage(): PageLanguage {
  const asked = new URLSearchParams(location.search).get("lang");
  try {
    if (asked === "zh" || asked === "en") localStorage.setItem(REMEMBERED, asked);
    const kept = localStorage.getItem(REMEMBERED);
    if (kept === "zh" || kept === "en") return kept;
  } catch {} // storage blocked: the URL still decides, for this page
  return asked === "zh" ? "zh" : "en";
}

/** What a page says besides its HTML: the same keys in both languages (TypeScript checks it). */
export type Messages<K extends string> = Record<PageLanguage, Record<K, string>>;

/**
 * Puts the page in its language and adds the 中文 / EN switch. `html`: the Chinese of each
 * `data-i18n*` key in the page. Returns `say`, the page's messages in its language.
 */
export function usePageLanguage<K extends string>(
  html: Record<string, string>,
  messages: Messages<K>,
): { language: PageLanguage; say: Say<K> } {
  const language = pageLanguage();
  document.documentElement.lang = language === "zh" ? "zh-CN" : "en";
  if (language === "zh") translateHtml(document, html);
  addLanguageSwitch(language);
  return { language, say: sayIn(messages[language]) };
}

/**
 * The page's messages in its language, for a module that needs them apart from usePageLanguage.
 * The language is looked up at the first message, so the module can be imported anywhere (a test in Node).
 */
export function messagesFor<K extends string>(messages: Messages<K>): Say<K> {
  let say: Say<K> | undefined;
  return (key, values) => {
    say ??= sayIn(messages[pageLanguage()]);
    return say(key, values);
  };
}

/** A message with its `{name}` placeholders filled: say("cut", { n: 2 }). */
export type Say<K extends string> = (key: K, values?: Record<string, string | number>) => string;

export const sayIn =
  <K extends string>(messages: Record<K, string>): Say<K> =>
  (key, values = {}) =>
    messages[key].replace(/\{(\w+)\}/g, (whole, name: string) => String(values[name] ?? whole));

function translateHtml(root: ParentNode, html: Record<string, string>): void {
  const text = (key = "") => html[key] ?? `⟦${key}⟧`; // a missing key shows, and a test catches it
  for (const el of root.querySelectorAll<HTMLElement>("[data-i18n]")) setRichText(el, text(el.dataset.i18n));
  for (const el of root.querySelectorAll<HTMLElement>("[data-i18n-placeholder]"))
    el.setAttribute("placeholder", text(el.dataset.i18nPlaceholder));
  for (const el of root.querySelectorAll<HTMLElement>("[data-i18n-label]"))
    el.setAttribute("aria-label", text(el.dataset.i18nLabel));
}

/** `code` → <code>, *em* → <em>, the rest as text. */
export function setRichText(el: HTMLElement, text: string): void {
  const nodes: Node[] = [];
  for (const part of text.split(/(`[^`]+`|\*[^*]+\*)/)) {
    if (!part) continue;
    const tag = part.startsWith("`") ? "code" : part.startsWith("*") && part.length > 2 ? "em" : undefined;
    if (!tag) {
      nodes.push(document.createTextNode(part));
      continue;
    }
    const node = document.createElement(tag);
    node.textContent = part.slice(1, -1);
    nodes.push(node);
  }
  el.replaceChildren(...nodes);
}

function addLanguageSwitch(language: PageLanguage): void {
  const nav = document.createElement("nav");
  nav.className = "language-switch";
  nav.setAttribute("aria-label", language === "zh" ? "语言" : "Language");
  for (const [lang, label] of [
    ["zh", "中文"],
    ["en", "EN"],
  ] as const) {
    const link = document.createElement("a");
    const url = new URL(location.href);
    url.searchParams.set("lang", lang);
    link.href = url.toString();
    link.textContent = label;
    link.lang = lang === "zh" ? "zh-CN" : "en";
    if (lang === language) link.setAttribute("aria-current", "true");
    nav.append(link);
  }
  document.body.prepend(nav);
}
