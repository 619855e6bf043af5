// What the page's two demo switches send, and the server reads (no DOM here: the server
// imports it).

/**
 * The model the "Fast model" switch asks for. Faster than the screen, many tokens to a frame:
 * with the default mock (~20 tokens a second) a frame never holds two tokens, so batching has
 * nothing to batch and the per-token trap looks harmless.
 */
export const FAST_MODEL = "mock-llm-fast";

/**
 * The cookie the "Cut inside characters" switch sets: the server then sends each write that
 * holds a character of several bytes in two network reads, cut inside that character
 * (server/cut-inside-characters.ts). A cookie, because
 * both the fix's reader and the tutorial's send it without being told.
 */
export const CUT_COOKIE = "cut-inside-characters";
