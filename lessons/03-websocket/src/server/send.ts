// Every server → client message goes through here: validated by the type
// system, and refused to a client that has stopped reading.
import type { WebSocket } from "ws";
import type { ServerMessage } from "../protocol.ts";

// #region send
/**
 * Sends unless the socket is closed, or its unsent backlog already exceeds
 * `maxBufferedBytes`: then the client is too slow (or gone without a FIN)
 * and is cut off, so server memory stays bounded.
 */
export function send(ws: WebSocket, message: ServerMessage, maxBufferedBytes: number): boolean {
  if (ws.readyState !== ws.OPEN) return false;
  if (ws.bufferedAmount > maxBufferedBytes) {
    ws.terminate();
    return false;
  }
  ws.send(JSON.stringify(message));
  return true;
}
// #endregion
