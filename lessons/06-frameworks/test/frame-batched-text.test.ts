// The store both pages stream into, with a hand-cranked frame clock.

import { describe, expect, it } from "vitest";
import { isProxy, isReactive, ref, shallowRef, watchEffect } from "vue";
import { demoConversation } from "../src/stream/conversation.ts";
import { createFrameBatchedText } from "../src/stream/frame-batched-text.ts";
import { frameClock } from "./frame-clock.ts";

describe("a frame-batched text store", () => {
  it("tells its readers once per frame, however many tokens arrive in it", () => {
    const clock = frameClock();
    const store = createFrameBatchedText(clock.schedule, clock.cancel);
    const seen: string[] = [];
    store.subscribe(() => seen.push(store.getSnapshot()));
    for (const token of ["流", "式", "输", "出"]) store.append(token);
    expect(seen).toEqual([]); // nothing until the frame
    clock.frame();
    store.append("!");
    clock.frame();
    expect(seen).toEqual(["流式输出", "流式输出!"]);
  });

  it("flush() tells readers at once (the end of an answer) and cancels the pending frame", () => {
    const clock = frameClock();
    const store = createFrameBatchedText(clock.schedule, clock.cancel);
    const seen: string[] = [];
    store.subscribe(() => seen.push(store.getSnapshot()));
    store.append("done");
    store.flush();
    clock.frame();
    expect(seen).toEqual(["done"]);
  });

  it("a reader that unsubscribed hears nothing more", () => {
    const clock = frameClock();
    const store = createFrameBatchedText(clock.schedule, clock.cancel);
    let heard = 0;
    const unsubscribe = store.subscribe(() => heard++);
    unsubscribe();
    store.append("x");
    clock.frame();
    expect(heard).toBe(0);
  });
});

describe("Vue: a deep ref on a long conversation vs shallowRef", () => {
  it("ref() wraps every message in a reactive proxy; shallowRef() leaves them plain", () => {
    const deep = ref(demoConversation(2000));
    const shallow = shallowRef(demoConversation(2000));
    expect(isReactive(deep.value[1999])).toBe(true); // 2,000 proxies, each tracking reads
    expect(isProxy(shallow.value[1999])).toBe(false);
  });

  it("with shallowRef, only replacing the list triggers a re-render, once", () => {
    const messages = shallowRef(demoConversation(3));
    let runs = 0;
    watchEffect(
      () => {
        void messages.value.length;
        runs++;
      },
      { flush: "sync" },
    );
    (messages.value[0] as { content: string }).content = "edited in place"; // not seen: no deep tracking
    messages.value = [...messages.value]; // seen: a new list
    expect(runs).toBe(2);
  });
});
