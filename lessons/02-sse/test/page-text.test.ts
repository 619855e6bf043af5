// The page's Chinese (src/client/page-text.ts) is complete: every data-i18n key in
// index.html has its Chinese, and every message both languages.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { HTML_ZH, MESSAGES } from "../src/client/page-text.ts";

const html = readFileSync(new URL("../index.html", import.meta.url), "utf8");
const keysInHtml = [...html.matchAll(/data-i18n(?:-placeholder|-label)?="([^"]+)"/g)].map(([, key]) => key);
const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();

describe("lesson 02's page in Chinese", () => {
  it("has the Chinese of every data-i18n key in index.html, and no key the page does not use", () => {
    expect(Object.keys(HTML_ZH).sort()).toEqual([...new Set(keysInHtml)].sort());
  });

  it("has every message in both languages, with the same {placeholders}, the Chinese in Chinese", () => {
    expect(Object.keys(MESSAGES.zh).sort()).toEqual(Object.keys(MESSAGES.en).sort());
    for (const [key, en] of Object.entries(MESSAGES.en)) {
      const zh = MESSAGES.zh[key as keyof typeof MESSAGES.en];
      expect(placeholders(zh), key).toEqual(placeholders(en));
      expect(zh, key).toMatch(/[\u4e00-\u9fff]/);
    }
    for (const [key, zh] of Object.entries(HTML_ZH)) expect(zh, key).toMatch(/[\u4e00-\u9fff]/);
  });
});
