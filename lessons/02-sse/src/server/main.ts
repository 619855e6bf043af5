// `pnpm start` / `pnpm dev`: lesson 02's server on 127.0.0.1:3102 (PORT, HOST).
import { runLessonServer } from "@workshop/server-kit";
import { createServer, LESSON } from "./app.ts";

runLessonServer(LESSON, createServer());
