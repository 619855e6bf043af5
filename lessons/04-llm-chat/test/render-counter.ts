// Counts, in the page, how often an answer's body is rendered (each render
// replaces its children), with the page's animation frames held: callbacks
// given to requestAnimationFrame wait, and none runs while the answer streams.
// A view that renders once per frame then renders once, at the end (finish());
// one that renders per token renders for every network read. That difference
// holds on a fast machine and a slow one alike, however many tokens happen to
// share a read or a frame. Used by a browser test and by exercise 04.4's check.
import type { Page } from "@workshop/testkit";

export async function holdFramesAndCountRenders(page: Page): Promise<() => Promise<{ renders: number }>> {
  await page.evaluate(() => {
    const counters = { renders: 0 };
    Object.assign(window, { counters });
    const replaceChildren = Element.prototype.replaceChildren;
    Element.prototype.replaceChildren = function (this: Element, ...nodes) {
      if (this.classList.contains("body")) counters.renders++;
      return replaceChildren.apply(this, nodes);
    };
    let next = 1;
    window.requestAnimationFrame = () => next++; // held: the frame never comes
    window.cancelAnimationFrame = () => {};
  });
  return () => page.evaluate(() => (window as unknown as { counters: { renders: number } }).counters);
}
