/** The five ways the workshop streams one reply, in lesson order. */
export const TRANSPORTS = ["short polling", "long polling", "SSE", "WebSocket", "fetch stream"] as const;
export type Transport = (typeof TRANSPORTS)[number];
