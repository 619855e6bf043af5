// The slice of WeChat's wx.request a streaming chat uses, typed from its
// documentation (developers.weixin.qq.com, "wx.request" and "RequestTask"). A
// mini-program has no EventSource and no fetch() body to read: with
// enableChunked (base library 2.20.1+) the response body arrives as
// ArrayBuffer chunks through RequestTask.onChunkReceived, cut wherever the
// network cut it, and success() fires at the end, for any HTTP status.

export interface WxRequestOptions {
  url: string;
  method: "POST";
  header: Record<string, string>;
  data: string;
  enableChunked: true;
  responseType: "arraybuffer";
  success(result: { statusCode: number; header: Record<string, string> }): void;
  /** The request failed, or abort() was called: errMsg says which ("request:fail abort"). */
  fail(error: { errMsg: string }): void;
}

export interface WxRequestTask {
  onChunkReceived(listener: (chunk: { data: ArrayBuffer }) => void): void;
  abort(): void;
}

export type WxRequest = (options: WxRequestOptions) => WxRequestTask;
