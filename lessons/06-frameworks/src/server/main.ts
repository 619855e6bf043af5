// `pnpm start` / `pnpm dev 06`: lesson 04's chat and lesson 02's notifications on 127.0.0.1:3106.
import { runLessonServer } from "@workshop/server-kit";
import { createServer, LESSON } from "./app.ts";

runLessonServer(LESSON, createServer());
