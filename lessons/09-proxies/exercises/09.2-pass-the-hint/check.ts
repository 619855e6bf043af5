import { defineChecks, must } from "@workshop/exercises";
import { postJson } from "@workshop/testkit";
import { withProxies } from "../with-proxies.ts";

/** Each step's name for `pnpm exercise check --lang zh`. */
export const namesZh = {
  "through two nginx layers, the reply arrives token by token":
    "穿过两层 nginx，回答仍然一个 token 一个 token 地到达",
};

export default defineChecks({
  "through two nginx layers, the reply arrives token by token": (code) =>
    withProxies(code, async (path) => {
      const { id } = (await (
        await postJson(`${path("direct")}/api/jobs`, {
          prompt: "echo: one two three four five six seven eight",
        })
      ).json()) as { id: string };
      const response = await fetch(`${path("two-layers-fixed")}/api/jobs/${id}/events`, {
        headers: { "Accept-Encoding": "gzip" },
      });
      const reader = (response.body as ReadableStream<Uint8Array>).getReader();
      const decoder = new TextDecoder();
      let reads = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        if (decoder.decode(value, { stream: true }).includes("event: token")) reads++;
      }
      must(reads > 4, {
        en: `the tokens came in ${reads} read(s): all at once, at the end. Pass the hint on.`,
        zh: `token 分 ${reads} 次读到：全都在最后一次性到达。把这个提示传下去。`,
      });
    }),
});
