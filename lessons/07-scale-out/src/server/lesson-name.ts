// The lesson's name, on its own: the balancer process needs it without loading an instance's code
// (Express, the Redis client, the mock LLM), so `pnpm dev 07` spawns its first instance sooner.
export const LESSON = "07-scale-out";
