// The protocol under the API, over a raw TCP socket: the HTTP Upgrade
// handshake and the frames that follow (RFC 6455 §1.3, §5.2).
import { connect, type Socket } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { startLesson } from "./start.ts";

let lesson: Awaited<ReturnType<typeof startLesson>> | undefined;
afterEach(async () => {
  await lesson?.close();
  lesson = undefined;
});

/** Collects bytes from a socket; `next(n)` resolves with the next n bytes. */
function reader(socket: Socket) {
  let buffer = Buffer.alloc(0);
  let wake = () => {};
  socket.on("data", (chunk) => {
    buffer = Buffer.concat([buffer, chunk]);
    wake();
  });
  const next = async (n: number): Promise<Buffer> => {
    while (buffer.length < n) await new Promise<void>((resolve) => (wake = resolve));
    const out = buffer.subarray(0, n);
    buffer = buffer.subarray(n);
    return out;
  };
  const untilBlankLine = async (): Promise<string> => {
    while (!buffer.includes("\r\n\r\n")) await new Promise<void>((resolve) => (wake = resolve));
    const end = buffer.indexOf("\r\n\r\n") + 4;
    return (await next(end)).toString();
  };
  return { next, untilBlankLine };
}

/** Reads one frame's header and payload (payloads < 64 KiB here). */
async function readFrame(read: ReturnType<typeof reader>) {
  const [b0 = 0, b1 = 0] = await read.next(2);
  let length = b1 & 0x7f;
  if (length === 126) length = (await read.next(2)).readUInt16BE(0);
  return {
    fin: (b0 & 0x80) !== 0,
    opcode: b0 & 0x0f,
    masked: (b1 & 0x80) !== 0,
    payload: await read.next(length),
  };
}

/** A client frame: FIN + opcode, masked with a 4-byte key, as clients must. */
function clientFrame(opcode: number, payload: Buffer): Buffer {
  const mask = Buffer.from([0x37, 0xfa, 0x21, 0x3d]);
  const masked = Buffer.from(payload.map((byte, i) => byte ^ (mask[i % 4] as number)));
  return Buffer.concat([Buffer.from([0x80 | opcode, 0x80 | payload.length]), mask, masked]);
}

describe("the WebSocket handshake and frames, byte by byte", () => {
  it("answers the Upgrade with 101 and Sec-WebSocket-Accept = base64(SHA-1(key + GUID)) (RFC 6455's own example)", async () => {
    lesson = await startLesson();
    const socket = connect(Number(new URL(lesson.url).port), "127.0.0.1");
    const read = reader(socket);
    socket.write(
      "GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
        "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n",
    );
    const head = await read.untilBlankLine();
    expect(head).toMatch(/^HTTP\/1\.1 101 Switching Protocols\r\n/);
    expect(head).toMatch(/\r\nSec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK\+xOo=\r\n/i);

    // A masked text frame from us (opcode 0x1)...
    socket.write(clientFrame(0x1, Buffer.from(JSON.stringify({ type: "chat", text: "hi" }))));
    // ...and the server's answer: a final, unmasked text frame.
    const frame = await readFrame(read);
    expect(frame).toMatchObject({ fin: true, opcode: 0x1, masked: false });
    expect(JSON.parse(frame.payload.toString())).toMatchObject({ type: "chat", text: "hi" });

    // A close frame (opcode 0x8) with code 1000 is answered with a close frame.
    socket.write(clientFrame(0x8, Buffer.from([0x03, 0xe8])));
    const close = await readFrame(read);
    expect(close.opcode).toBe(0x8);
    expect(close.payload.readUInt16BE(0)).toBe(1000);
    socket.destroy();
  });

  it("sends ping frames (opcode 0x9) that browsers answer by themselves, out of JavaScript's sight", async () => {
    lesson = await startLesson({ heartbeatMs: 20 });
    const socket = connect(Number(new URL(lesson.url).port), "127.0.0.1");
    const read = reader(socket);
    socket.write(
      "GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
        "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n",
    );
    await read.untilBlankLine();
    const opcodes = [(await readFrame(read)).opcode, (await readFrame(read)).opcode];
    expect(opcodes).toEqual([0x9, 0x1]); // the ping, then the app-level heartbeat the page can see
    socket.destroy();
  });
});
