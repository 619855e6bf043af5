// wx.request as WeChat documents it, on Node's http, for tests: the body is
// handed to onChunkReceived listeners as ArrayBuffers, cut the way the test
// says (a mobile network cuts anywhere); success() fires at the end for any
// status; abort() ends with fail({ errMsg: "request:fail abort" }).
import { request as httpRequest } from "node:http";
import type { WxRequest } from "../src/mini-program/wx-request.ts";

/** One byte per chunk: every character and every line cut at every place it can be. */
export const byteByByte = (chunk: Uint8Array) => Array.from(chunk, (byte) => Uint8Array.of(byte));

export function fakeWxRequest(cut: (chunk: Uint8Array) => Uint8Array[] = (chunk) => [chunk]) {
  /** Every chunk handed to the mini-program, in order: the tutorial readers are fed the same. */
  const delivered: Uint8Array[] = [];
  const request: WxRequest = (options) => {
    const listeners: ((chunk: { data: ArrayBuffer }) => void)[] = [];
    let settled = false;
    const settle = (then: () => void) => {
      if (settled) return;
      settled = true;
      then();
    };
    const outgoing = httpRequest(options.url, { method: options.method, headers: options.header }, (res) => {
      res.on("data", (chunk: Buffer) => {
        for (const piece of cut(new Uint8Array(chunk))) {
          delivered.push(piece);
          for (const listener of listeners) listener({ data: piece.slice().buffer });
        }
      });
      res.on("end", () => settle(() => options.success({ statusCode: res.statusCode ?? 0, header: {} })));
    });
    outgoing.on("error", (error) => settle(() => options.fail({ errMsg: `request:fail ${error.message}` })));
    outgoing.end(options.data);
    return {
      onChunkReceived: (listener) => listeners.push(listener),
      abort() {
        settle(() => options.fail({ errMsg: "request:fail abort" }));
        outgoing.destroy();
      },
    };
  };
  return { request, delivered };
}
