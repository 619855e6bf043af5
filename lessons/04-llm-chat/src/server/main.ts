// `pnpm start` / `pnpm dev`: lesson 04's chat BFF on 127.0.0.1:3104 (PORT, HOST).
// Upstream: the in-process mock, or a real provider via OPENAI_BASE_URL,
// OPENAI_API_KEY and OPENAI_MODEL (see README).
import { runLessonServer } from "@workshop/server-kit";
import { createServer, LESSON } from "./app.ts";

runLessonServer(LESSON, createServer());
