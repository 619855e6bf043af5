// Where each provider lives. Without its API key in the environment, a
// provider is served by this lesson's own mock (same server, real HTTP).
// Keys, models and the system prompt are the server's: the page only names
// a provider.
import type { Provider } from "../protocol.ts";

export interface Upstream {
  baseUrl: string;
  apiKey: string;
  model: string;
  /** The in-process mock: only then may the page see the raw wire (it holds no secrets). */
  mock: boolean;
}

const REAL: Record<
  Provider,
  { key: string; base: string; baseDefault: string; model: string; modelDefault: string }
> = {
  "openai-chat": {
    key: "OPENAI_API_KEY",
    base: "OPENAI_BASE_URL",
    baseDefault: "https://api.openai.com/v1",
    model: "OPENAI_MODEL",
    modelDefault: "gpt-5-mini",
  },
  "openai-responses": {
    key: "OPENAI_API_KEY",
    base: "OPENAI_BASE_URL",
    baseDefault: "https://api.openai.com/v1",
    model: "OPENAI_MODEL",
    modelDefault: "gpt-5-mini",
  },
  anthropic: {
    key: "ANTHROPIC_API_KEY",
    base: "ANTHROPIC_BASE_URL",
    baseDefault: "https://api.anthropic.com",
    model: "ANTHROPIC_MODEL",
    modelDefault: "claude-sonnet-4-5",
  },
  gemini: {
    key: "GEMINI_API_KEY",
    base: "GEMINI_BASE_URL",
    baseDefault: "https://generativelanguage.googleapis.com",
    model: "GEMINI_MODEL",
    modelDefault: "gemini-2.5-flash",
  },
  dashscope: {
    key: "DASHSCOPE_API_KEY",
    base: "DASHSCOPE_BASE_URL",
    baseDefault: "https://dashscope.aliyuncs.com",
    model: "DASHSCOPE_MODEL",
    modelDefault: "qwen-plus",
  },
};

/** The mock's base URL for each provider, given this server's own origin. */
const MOCK_BASE: Record<Provider, (self: string) => string> = {
  "openai-chat": (self) => `${self}/v1`,
  "openai-responses": (self) => `${self}/v1`,
  anthropic: (self) => self,
  gemini: (self) => self,
  dashscope: (self) => self,
};

export function upstreamFor(
  provider: Provider,
  self: string,
  env: NodeJS.ProcessEnv = process.env,
): Upstream {
  const real = REAL[provider];
  const apiKey = env[real.key];
  if (!apiKey)
    return { baseUrl: MOCK_BASE[provider](self), apiKey: "mock-key", model: "mock-llm", mock: true };
  return {
    baseUrl: (env[real.base] || real.baseDefault).replace(/\/$/, ""),
    apiKey,
    model: env[real.model] || real.modelDefault,
    mock: false,
  };
}
