// Counts, in the page, how often an answer's body is rendered (each render
// replaces its children) and how many animation frames pass: the measure of
// "one render per frame, not one per token". Used by a browser test and by
// exercise 04.4's check.
import type { Page } from "@workshop/testkit";

export async function countRendersAndFrames(
  page: Page,
): Promise<() => Promise<{ renders: number; frames: number }>> {
  await page.evaluate(() => {
    const counters = { renders: 0, frames: 0 };
    Object.assign(window, { counters });
    const replaceChildren = Element.prototype.replaceChildren;
    Element.prototype.replaceChildren = function (this: Element, ...nodes) {
      if (this.classList.contains("body")) counters.renders++;
      return replaceChildren.apply(this, nodes);
    };
    const tick = () => {
      counters.frames++;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  return () =>
    page.evaluate(() => (window as unknown as { counters: { renders: number; frames: number } }).counters);
}
