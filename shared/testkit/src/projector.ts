/// <reference lib="dom" />
// What a class at the back of the room sees on a 1280×720 projector: a page that
// fits without scrolling, and no text smaller than it can read (issue 27.6).
// Its own entry point (@workshop/testkit/projector): the measuring runs in the page,
// so this file needs the DOM's types, which the rest of the testkit does without.
import type { Page } from "playwright-core";

/** The smallest text, in CSS pixels as projected, that a page or slide may show. */
export const MIN_TEXT_PX = 14;

export interface ProjectedView {
  width: number;
  height: number;
  /** The smallest text on screen, as the eye sees it (font size × the frame's scale), and what it says. */
  smallest: { px: number; text: string };
}

/**
 * Measures the page as projected: its scroll size, and its smallest rendered text under `root`.
 * `frame`: an element scaled as a whole (reveal.js scales slides), whose scale applies to all text.
 */
export function measureProjected(page: Page, root = "body", frame?: string): Promise<ProjectedView> {
  return page.evaluate(
    ([rootSelector, frameSelector]) => {
      const scaled = frameSelector ? (document.querySelector(frameSelector) as HTMLElement | null) : null;
      const scale = scaled?.offsetWidth ? scaled.getBoundingClientRect().width / scaled.offsetWidth : 1;
      let smallest = { px: Number.POSITIVE_INFINITY, text: "" };
      const start = document.querySelector(rootSelector) ?? document.body;
      const walker = document.createTreeWalker(start, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent?.trim();
        const element = node.parentElement;
        if (!text || !element) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        const box = range.getBoundingClientRect();
        if (box.width === 0 || box.height === 0) continue; // not rendered (display: none, a closed <details>)
        const style = getComputedStyle(element);
        if (style.visibility === "hidden") continue;
        const px = Number.parseFloat(style.fontSize) * scale;
        if (px < smallest.px) smallest = { px: Math.round(px * 10) / 10, text: text.slice(0, 40) };
      }
      return {
        width: document.documentElement.scrollWidth,
        height: document.documentElement.scrollHeight,
        smallest,
      };
    },
    [root, frame ?? ""] as const,
  );
}
