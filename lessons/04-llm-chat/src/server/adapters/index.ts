// The adapters this lesson ships, by UPSTREAM_FORMAT.
import type { UpstreamAdapter, UpstreamConfig } from "./adapter.ts";
import { dashScopeAdapter } from "./dashscope.ts";
import { openAiAdapter } from "./openai.ts";

export const ADAPTERS: Record<UpstreamConfig["format"], UpstreamAdapter> = {
  openai: openAiAdapter,
  dashscope: dashScopeAdapter,
};
