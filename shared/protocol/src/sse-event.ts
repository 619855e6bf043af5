/** One message as the server writes it (see `encodeEvent`). */
export interface SseMessage {
  /** The payload. Line breaks in it become several `data:` lines. */
  data: string;
  /** The event type; the client's `addEventListener(type)` receives it. Default "message". */
  event?: string;
  /** Stored by the client and sent back as `Last-Event-ID` when it reconnects. */
  id?: string;
  /** Reconnection delay in milliseconds the client should use from now on. */
  retry?: number;
}

/** One dispatched event as the client sees it (the fields of a MessageEvent). */
export interface SseEvent {
  type: string;
  data: string;
  lastEventId: string;
}
