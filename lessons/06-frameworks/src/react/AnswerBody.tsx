// An answer's markdown, rendered by lesson 04's renderer (marked + DOMPurify)
// into a node React does not manage: never dangerouslySetInnerHTML.
import { renderMarkdown } from "@workshop/04-llm-chat/client/markdown.ts";
import { useLayoutEffect, useRef } from "react";

export function AnswerBody({ text }: { text: string }) {
  const body = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    if (body.current) renderMarkdown(body.current, text);
  }, [text]);
  return <div className="body" ref={body} />;
}
