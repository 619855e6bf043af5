// `pnpm start` / `pnpm dev`: lesson 03's server on 127.0.0.1:3103 (PORT, HOST), WebSocket at /ws.
import { runLessonServer } from "@workshop/server-kit";
import { createServer, LESSON } from "./app.ts";

runLessonServer(LESSON, createServer());
