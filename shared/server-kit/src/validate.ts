// Input checks shared by every lesson's `{ prompt }` endpoints.
import { HttpError } from "./errors.ts";

export const MAX_PROMPT_LENGTH = 4000;

export function readPrompt(body: unknown): string {
  const prompt = (body as { prompt?: unknown } | undefined)?.prompt;
  if (typeof prompt !== "string" || prompt.trim() === "") {
    throw new HttpError(
      400,
      "invalid_prompt",
      'Send JSON like {"prompt": "Why stream?"} with a non-empty prompt.',
    );
  }
  if (prompt.length > MAX_PROMPT_LENGTH) {
    throw new HttpError(400, "invalid_prompt", `The prompt is over ${MAX_PROMPT_LENGTH} characters.`);
  }
  return prompt;
}

/** A non-negative integer from a query string, or the fallback when absent. */
export function readCount(value: unknown, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== "string" || !/^\d{1,9}$/.test(value)) {
    throw new HttpError(
      400,
      `invalid_${name}`,
      `${name} must be a non-negative integer, got ${JSON.stringify(value)}.`,
    );
  }
  return Number(value);
}
