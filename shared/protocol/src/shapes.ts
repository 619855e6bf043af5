// Message shapes every lesson's server and client share. Lesson-specific
// messages live in each lesson's own protocol module and build on these.

/** The JSON body of every 4xx/5xx answer: `{ "error": { "code", "message" } }`. */
export interface ApiErrorBody {
  error: {
    /** Stable, machine-readable, e.g. `"job_not_found"`. */
    code: string;
    /** One sentence a student can act on. */
    message: string;
  };
}

/** `GET /api/health` in every lesson. */
export interface HealthBody {
  /** False (with status 503) when something the lesson needs is down, e.g. lesson 07's Redis. */
  ok: boolean;
  lesson: string;
}

/** What the user asks; every lesson starts a reply from one. */
export interface PromptRequest {
  prompt: string;
}

/** One piece of a reply. `seq` counts from 0 and never repeats within a job. */
export interface Token {
  seq: number;
  text: string;
}

/** A generation started on the server, to be read by id. */
export interface JobCreated {
  id: string;
}

/** Chat messages in the OpenAI shape, which the mock LLM also takes. */
export type ChatRole = "system" | "user" | "assistant";
export interface ChatMessage {
  role: ChatRole;
  content: string;
}

export function apiError(code: string, message: string): ApiErrorBody {
  return { error: { code, message } };
}
