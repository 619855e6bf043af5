// `pnpm start` / `pnpm dev`: lesson 01's server on 127.0.0.1:3101 (PORT, HOST).
import { runLessonServer } from "@workshop/server-kit";
import { createServer, LESSON } from "./app.ts";

const longPollTimeoutMs = Number(process.env.LONG_POLL_TIMEOUT_MS) || 25_000;
runLessonServer(LESSON, createServer({ longPollTimeoutMs }));
