// Lesson 06's catalogue (src/stream/page-text.ts, shared by React and Vue) against each of
// its three pages: scripts/test/translations.test.ts checks only src/client/page-text.ts
// against index.html, and this lesson's catalogue lives where both frameworks import it.
import { pageCatalogueProblems } from "@workshop/testkit/page-catalogue";
import { describe, expect, it } from "vitest";
import { LANDING_ZH, MESSAGES, REACT_ZH, VUE_ZH } from "../src/stream/page-text.ts";

describe("lesson 06's pages in Chinese", () => {
  it.each([
    ["index.html", LANDING_ZH],
    ["react/index.html", REACT_ZH],
    ["vue/index.html", VUE_ZH],
  ])("%s: every data-i18n key has its Chinese, and every message both languages", (page, htmlZh) => {
    expect(pageCatalogueProblems(new URL(`../${page}`, import.meta.url), htmlZh, MESSAGES)).toEqual([]);
  });
});
