// Lesson 04's chat in a WeChat mini-program: the same POST /api/chat and the
// same event stream as the page (chat-stream.ts), read without EventSource or
// fetch(). wx.request with enableChunked hands over ArrayBuffer chunks cut
// anywhere; the three habits of this lesson still hold: decode bytes in
// streaming mode (utf8-chunks.ts), keep the unfinished line (the workshop's
// SSE parser), and call the answer finished only at [DONE].
import { createSseParser } from "@workshop/protocol";
import { type ChatCompletionChunk, type ChatRequest, DONE, type StreamError } from "../protocol.ts";
import { createUtf8Chunks, type Utf8Chunks } from "./utf8-chunks.ts";
import type { WxRequest } from "./wx-request.ts";

/** How the answer ended: finished at [DONE], or not, with a code ("stopped", "incomplete", the server's). */
export type ChatOutcome = { finished: true } | { finished: false; code: string; message: string };

export interface MiniProgramChat {
  onDelta(text: string): void;
  /** Called once. */
  onEnd(outcome: ChatOutcome): void;
}

function parsed<T>(json: string): T | undefined {
  try {
    return JSON.parse(json) as T;
  } catch {
    return undefined;
  }
}

/** An error answer (4xx/5xx JSON) is short: keep this much of the body to read its code. */
const ERROR_BODY_CHARS = 4096;

export interface ChatCall {
  request: WxRequest; // wx.request
  url: string; // https://…/api/chat: a domain on the mini-program's allow-list
  body: ChatRequest;
  text?: Utf8Chunks; // bytes to text; default: TextDecoder where the runtime has one
}

// #region mini-program-chat
export function streamChatInMiniProgram(
  { request, url, body, text = createUtf8Chunks() }: ChatCall,
  chat: MiniProgramChat,
): { stop(): void } {
  let ended = false;
  const end = (outcome: ChatOutcome) => {
    if (ended) return;
    ended = true;
    chat.onEnd(outcome);
  };
  let start = ""; // the body's first characters, in case it is an error answer rather than a stream
  const parser = createSseParser({
    onEvent(event) {
      if (ended) return;
      if (event.data === DONE) return end({ finished: true });
      const payload = parsed<ChatCompletionChunk | StreamError>(event.data);
      if (!payload) return end({ finished: false, code: "bad_stream", message: "Not a chat event." });
      if ("error" in payload) return end({ finished: false, ...payload.error });
      const content = payload.choices[0]?.delta.content;
      if (content) chat.onDelta(content);
    },
  });

  const task = request({
    url,
    method: "POST",
    header: { "Content-Type": "application/json" },
    data: JSON.stringify(body),
    enableChunked: true,
    responseType: "arraybuffer",
    success({ statusCode }) {
      if (statusCode === 200)
        return end({ finished: false, code: "incomplete", message: "The answer was cut off." });
      const error = parsed<StreamError>(start)?.error;
      end({ finished: false, code: error?.code ?? `http_${statusCode}`, message: error?.message ?? "" });
    },
    fail: ({ errMsg }) =>
      end({ finished: false, code: /abort/.test(errMsg) ? "stopped" : "network", message: errMsg }),
  });
  task.onChunkReceived(({ data }) => {
    const piece = text.decode(new Uint8Array(data));
    if (start.length < ERROR_BODY_CHARS) start += piece.slice(0, ERROR_BODY_CHARS - start.length);
    parser.feed(piece);
  });
  return { stop: () => task.abort() };
}
// #endregion
