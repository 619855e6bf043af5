// A WebSocket client at its worst for a server that is stopping: it upgrades,
// then neither reads nor answers the server's FIN (half-open), so only a
// server that destroys its upgraded sockets can finish closing.
import { connect, type Socket } from "node:net";

/** Upgrades `path` on 127.0.0.1:`port` with a raw handshake; resolves once the 101 arrives. */
export async function openHalfOpenWebSocket(port: number, path: string): Promise<Socket> {
  const socket = connect({ host: "127.0.0.1", port, allowHalfOpen: true });
  const upgraded = new Promise<void>((resolve, reject) => {
    socket.once("data", (data) =>
      data.toString().startsWith("HTTP/1.1 101")
        ? resolve()
        : reject(new Error(`no upgrade: ${data.toString().split("\r\n")[0]}`)),
    );
    socket.once("error", reject);
  });
  socket.write(
    [
      `GET ${path} HTTP/1.1`,
      `Host: 127.0.0.1:${port}`,
      "Upgrade: websocket",
      "Connection: Upgrade",
      "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==", // RFC 6455 §1.3's sample key
      "Sec-WebSocket-Version: 13",
      "",
      "",
    ].join("\r\n"),
  );
  await upgraded;
  return socket;
}
