// The CLIs' message catalogue (scripts/cli/messages.ts): every sentence in both
// languages, saying it with the same commands, ids and values.
import { describe, expect, it } from "vitest";
import { cliLanguage, withoutLang } from "../cli/language.ts";
import { CATALOGUE } from "../cli/messages.ts";

/** Sample arguments: "‹1›", "‹2›"… so a value left out of one language shows. */
const SAMPLE: Record<string, unknown[]> = {
  portsBusy: ["‹1›", ["‹2›", "‹3›"], "‹4›", 3100, 5100],
  status: ["started"],
};
const say = (language: "en" | "zh", key: string) => {
  const message = CATALOGUE[language][key as keyof (typeof CATALOGUE)["en"]] as (
    ...args: unknown[]
  ) => string;
  return message(...(SAMPLE[key] ?? Array.from({ length: message.length }, (_, i) => `‹${i + 1}›`)));
};
/** Code spans, values and ports; a placeholder such as `<id>` may be translated. */
const codeIn = (text: string) => (text.replace(/<[^>]+>/g, "<…>").match(/`[^`]+`|‹\d›|\d{4}/g) ?? []).sort();

describe("the CLIs' message catalogue", () => {
  const keys = Object.keys(CATALOGUE.en);

  it("has every message in both languages", () => {
    expect(Object.keys(CATALOGUE.zh).sort()).toEqual([...keys].sort());
  });

  it.each(keys)("%s: the Chinese says it in Chinese, with the same commands and values", (key) => {
    const [en, zh] = [say("en", key), say("zh", key)];
    expect(zh).toMatch(/[\u4e00-\u9fff]/);
    expect(codeIn(zh)).toEqual(codeIn(en));
  });
});

describe("the language a CLI speaks", () => {
  it("is the one --lang names, else the locale's: zh_CN.UTF-8 means Chinese, C or en_US English", () => {
    expect(cliLanguage(["node", "x", "--lang", "zh"], {})).toBe("zh");
    expect(cliLanguage(["node", "x", "--lang=en"], { LANG: "zh_CN.UTF-8" })).toBe("en");
    expect(cliLanguage(["node", "x"], { LANG: "zh_CN.UTF-8" })).toBe("zh");
    expect(cliLanguage(["node", "x"], { LC_ALL: "C", LANG: "zh_CN.UTF-8" })).toBe("en");
    expect(cliLanguage(["node", "x"], { LANG: "en_US.UTF-8" })).toBe("en");
    expect(withoutLang(["02.1", "--lang", "zh", "--no-dev"])).toEqual(["02.1", "--no-dev"]);
  });
});
