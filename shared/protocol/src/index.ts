export { encodeComment, encodeEvent, encodeRetry } from "./encode-event.ts";
export { createSeqTally, type SeqTally } from "./seq-tally.ts";
export * from "./shapes.ts";
export type { SseEvent, SseMessage } from "./sse-event.ts";
export { readSseEvents, SseBufferOverflowError } from "./sse-iterator.ts";
export {
  createSseParser,
  type SseIgnoredLine,
  type SseParser,
  type SseParserCallbacks,
} from "./sse-parser.ts";
export { createSseEventStream, type SseStreamOptions } from "./sse-transform-stream.ts";
