import { streamChat } from "@workshop/04-llm-chat/client/chat-stream.ts";
import { defineChecks, must, waitUntil, within } from "@workshop/exercises";
import { steadyTiming } from "@workshop/mock-llm";
import { eventually } from "@workshop/testkit";
import { effectScope } from "vue";
import type * as Composable from "../../src/vue/use-chat-stream.ts";
import { withServer } from "../with-server.ts";

const LONG = `echo: ${"token ".repeat(800)}`;
const FAST = steadyTiming(1);

// Node has no page origin for "/api/chat": the session reads from the server under check.
const readFrom = (url: string) => ({
  read: (request: Parameters<typeof streamChat>[0], signal: AbortSignal) => streamChat(request, signal, url),
});

// Node has no animation frames: a 16 ms timer stands in for them.
globalThis.requestAnimationFrame ??= (callback) => setTimeout(callback, 16) as unknown as number;
globalThis.cancelAnimationFrame ??= (handle) => clearTimeout(handle);

/** Each step's name for `pnpm exercise check --lang zh`. */
export const namesZh = {
  "the composable streams an answer into its refs": "composable 把回答流式写进它的 ref",
  "when the scope ends mid-answer (the component unmounts), the server stops generating before the answer's end":
    "回答中途 scope 结束（组件卸载）时，服务端在回答结束之前就停止生成",
};

export default defineChecks({
  "the composable streams an answer into its refs": (code) =>
    withServer(code, {}, async ({ url, llm }) => {
      const { useChatStream } = await code.load<typeof Composable>("src/vue/use-chat-stream.ts");
      const scope = effectScope();
      const chat = scope.run(() => useChatStream(readFrom(url)));
      must(chat, { en: "useChatStream returned nothing", zh: "useChatStream 什么也没有返回" });
      chat.send("Why do LLM products stream?");
      await waitUntil(() => chat.messages.value.at(-1)?.status === "done", 3000);
      scope.stop();
      const answer = chat.messages.value.at(-1)?.content ?? "";
      must(answer === llm.replyTokens("Why do LLM products stream?").join(""), {
        en: `the answer in the composable's refs was "${answer.slice(0, 30)}…", not the model's reply: the composable must still stream into its refs`,
        zh: `composable 的 ref 里的回答是 "${answer.slice(0, 30)}…"，不是模型的回复：composable 仍然要把回答流式写进它的 ref`,
      });
    }),

  "when the scope ends mid-answer (the component unmounts), the server stops generating before the answer's end":
    (code) =>
      withServer(code, { timing: FAST }, async ({ url, llm }) => {
        const { useChatStream } = await code.load<typeof Composable>("src/vue/use-chat-stream.ts");
        const scope = effectScope();
        const chat = scope.run(() => useChatStream(readFrom(url)));
        must(chat, { en: "useChatStream returned nothing", zh: "useChatStream 什么也没有返回" });
        chat.send(LONG);
        await eventually(() => llm.tokensGenerated > 5, 2000);
        scope.stop(); // what Vue does when the component unmounts
        // Judged by tokens, not by the clock: the model stops, then count what it made.
        const whole = llm.replyTokens(LONG).length;
        await within(llm.idle(), 30_000, {
          en: "the model never stopped generating",
          zh: "模型一直没有停止生成",
        });
        must(llm.tokensGenerated < whole, {
          en: `the model generated all ${whole} tokens for a component that was gone: stop the chat in onScopeDispose`,
          zh: `组件已经不在了，模型却还是生成完了全部 ${whole} 个 token：在 onScopeDispose 里停止聊天`,
        });
      }),
});
