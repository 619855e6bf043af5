// One assistant message being streamed. Tokens can arrive faster than the
// screen refreshes; re-rendering on each would waste work and jank the page.
// Deltas are collected, and rendered at most once per animation frame.
import { renderMarkdown } from "./markdown.ts";
import { settledMarkdown } from "./settled-markdown.ts";

export interface StreamingView {
  append(delta: string): void;
  /** Final render, cursor removed. */
  finish(note?: string): void;
  readonly text: string;
}

// #region streaming-view
export function createStreamingView(body: HTMLElement, scroller: HTMLElement): StreamingView {
  let text = "";
  let frame = 0;
  const cursor = document.createElement("span");
  cursor.className = "cursor"; // blinks via CSS while streaming

  const draw = (markdown: string) => {
    // Stick to the bottom only if the reader was already there: never yank
    // someone who scrolled up to re-read.
    const atBottom = scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < 40;
    renderMarkdown(body, markdown);
    (body.lastElementChild ?? body).append(cursor);
    if (atBottom) scroller.scrollTop = scroller.scrollHeight;
  };
  // Mid-stream, only the part that can no longer change shape (settled-markdown.ts): no flicker.
  const render = () => {
    frame = 0;
    draw(settledMarkdown(text));
  };

  return {
    append(delta) {
      // #region batch-per-frame
      text += delta;
      frame ||= requestAnimationFrame(render); // many tokens, one render per frame
      // #endregion
    },
    finish(note) {
      cancelAnimationFrame(frame);
      draw(text); // the whole reply, as it is
      cursor.remove();
      if (note) {
        const small = document.createElement("p");
        small.className = "note";
        small.textContent = note;
        body.append(small);
      }
    },
    get text() {
      return text;
    },
  };
}
// #endregion
