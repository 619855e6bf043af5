export { createMockLlm, type GenerateOptions, type MockLlm, type MockLlmOptions } from "./mock-llm.ts";
export {
  BLOB_PREFIX,
  blobText,
  type CannedReply,
  cannedReplies,
  chooseReply,
  ECHO_PREFIX,
  MAX_BLOB,
  MAX_REPLY_CHARS,
} from "./replies.ts";
export { seededRandom } from "./seeded-random.ts";
export { instantTiming, type MockLlmTiming, pause, realisticTiming, steadyTiming } from "./timing.ts";
export { tokenize } from "./tokenize.ts";
