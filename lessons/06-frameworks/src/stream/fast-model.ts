// The model the page's "Fast model" switch asks for, and the server answers as (no DOM here:
// the server imports it). Faster than the screen, many tokens to a frame: with the default mock
// (~20 tokens a second) a frame never holds two tokens, so batching has nothing to batch and
// the per-token trap looks harmless.
export const FAST_MODEL = "mock-llm-fast";
