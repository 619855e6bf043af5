// One assistant answer, drawn from the lesson's events: reasoning in a
// collapsible box, tool calls whose arguments fill in as they stream (partial
// JSON parsed on every piece), the text as sanitized markdown, usage at the
// end. Model text never becomes markup unsanitized; tool data is textContent.
import { renderMarkdown } from "@workshop/04-llm-chat/client/markdown.ts";
import type { ChatEvent } from "../protocol.ts";
import { say } from "./page-text.ts";
import { partialArguments } from "./partial-arguments.ts";

const element = (tag: string, className: string, parent: HTMLElement) => {
  const child = document.createElement(tag);
  child.className = className;
  parent.append(child);
  return child;
};

/** `answeredBy`: which provider's format this answer came through, shown on it (the history mixes them). */
export function createAnswerView(parent: HTMLElement, answeredBy: string) {
  const root = element("div", "message assistant", parent);
  element("p", "meta provider", root).textContent = answeredBy;
  let box: HTMLDetailsElement | undefined;
  let reasoning: HTMLElement | undefined;
  let text: HTMLElement | undefined;
  let markdown = "";
  let frame = 0;
  const tools = new Map<string, { args: HTMLElement; json: string; result: HTMLElement }>();

  const drawText = () => {
    frame = 0;
    if (text) renderMarkdown(text, markdown);
  };

  return {
    show(event: ChatEvent): void {
      switch (event.type) {
        case "reasoning": {
          if (!reasoning) {
            box = element("details", "reasoning", root) as HTMLDetailsElement;
            box.open = true; // open while the model thinks: a lone "▶ Reasoning" for seconds says nothing
            element("summary", "", box).textContent = say("reasoning");
            reasoning = element("div", "reasoning-text", box);
          }
          reasoning.textContent += event.delta;
          break;
        }
        case "text":
          if (!text && box) box.open = false; // the answer begins: the thinking folds away, still there
          text ??= element("div", "body", root);
          markdown += event.delta;
          frame ||= requestAnimationFrame(drawText); // at most one render per frame
          break;
        case "tool-call-start": {
          const card = element("div", "tool", root);
          element("div", "tool-name", card).textContent = say("tool", { name: event.name });
          tools.set(event.id, {
            args: element("pre", "tool-args", card),
            json: "",
            result: element("pre", "tool-result", card),
          });
          break;
        }
        case "tool-call-delta": {
          const tool = tools.get(event.id);
          if (!tool) break;
          tool.json += event.delta;
          tool.args.textContent = JSON.stringify(partialArguments(tool.json), null, 1);
          break;
        }
        case "tool-call-end": {
          const tool = tools.get(event.id);
          if (tool) tool.args.textContent = JSON.stringify(event.input, null, 1);
          break;
        }
        case "tool-result": {
          const tool = tools.get(event.id);
          if (tool) tool.result.textContent = `→ ${JSON.stringify(event.output)}`;
          break;
        }
        case "usage":
          (root.querySelector(".usage") ?? element("p", "usage meta", root)).textContent = say("usage", {
            input: event.inputTokens,
            output: event.outputTokens,
          });
          break;
        case "error":
          element("p", "error", root).textContent = `${event.code}: ${event.message}`;
          break;
        case "finish":
          element("p", "meta finish", root).textContent = say("finish", { reason: event.reason });
          break;
      }
    },
    /** Draws what is pending now (the stream ended or stopped). */
    flush(): void {
      if (frame) cancelAnimationFrame(frame);
      drawText();
    },
  };
}
