// The reply on screen: each generation's text rendered as markdown by lesson
// 04's renderer (marked, then DOMPurify: model output never reaches innerHTML),
// at most once a frame. A continuation is a block of its own after a marker:
// a new generation asked for the rest, never one seamless answer.
import { renderMarkdown } from "@workshop/04-llm-chat/client/markdown.ts";
import { say } from "./page-text.ts";

export function createReplyView(reply: HTMLElement) {
  let raw = ""; // the text of the generation being written
  let block: HTMLElement | undefined; // where it is rendered
  let frame = 0;
  const render = () => {
    cancelAnimationFrame(frame);
    frame = 0;
    if (block) renderMarkdown(block, raw);
  };
  const startBlock = () => {
    raw = "";
    block = document.createElement("div");
    block.className = "generation";
    reply.append(block);
  };
  return {
    /** A new reply: the old one goes, with any frame it still had pending. */
    clear(): void {
      cancelAnimationFrame(frame);
      frame = 0;
      reply.replaceChildren();
      startBlock();
    },
    /** After `interrupted`: keep what came, mark where the new generation starts. */
    markContinuation(): void {
      render(); // the block before is final
      const mark = document.createElement("span");
      mark.className = "continued";
      mark.textContent = say("continued");
      reply.append(mark);
      startBlock();
    },
    append(text: string): void {
      raw += text;
      frame ||= requestAnimationFrame(render);
    },
    /** The end (done, interrupted): show every token now. */
    flush: render,
  };
}
