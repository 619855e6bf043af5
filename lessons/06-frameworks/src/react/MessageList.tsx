// Thousands of messages, a few dozen in the DOM: @tanstack/react-virtual
// renders only the rows in view. New tokens scroll to the bottom only while
// the reader is there: never yank someone who scrolled up to re-read.
import { useVirtualizer } from "@tanstack/react-virtual";
import { useEffect, useRef } from "react";
import type { Message } from "../stream/conversation.ts";
import { count } from "../stream/page-metrics.ts";
import { AnswerBody } from "./AnswerBody.tsx";

export function MessageList({ messages, liveText }: { messages: Message[]; liveText: string }) {
  useEffect(() => count("renders")); // once per commit (StrictMode renders twice in development, commits once)
  const scroller = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);
  const rows = useVirtualizer({
    count: messages.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 72,
    overscan: 4,
  });

  // biome-ignore lint/correctness/useExhaustiveDependencies: liveText is the trigger: follow each new token
  useEffect(() => {
    if (atBottom.current && messages.length > 0) rows.scrollToIndex(messages.length - 1, { align: "end" });
  }, [messages.length, liveText, rows]);

  const onScroll = () => {
    const element = scroller.current;
    if (element) atBottom.current = element.scrollHeight - element.scrollTop - element.clientHeight < 40;
  };

  return (
    <div className="messages" ref={scroller} onScroll={onScroll} aria-live="polite">
      <div style={{ height: rows.getTotalSize(), position: "relative" }}>
        {rows.getVirtualItems().map((row) => {
          const item = messages[row.index] as Message;
          const text = item.status === "streaming" ? liveText : item.content;
          return (
            <div
              key={item.id}
              data-index={row.index}
              ref={rows.measureElement}
              className={`message ${item.role}${item.status === "streaming" ? " streaming" : ""}`}
              style={{
                position: "absolute",
                top: 0,
                left: 0,
                right: 0,
                transform: `translateY(${row.start}px)`,
              }}
            >
              {item.role === "assistant" ? <AnswerBody text={text} /> : <div className="body">{text}</div>}
              {item.note && <p className="note">{item.note}</p>}
            </div>
          );
        })}
      </div>
    </div>
  );
}
