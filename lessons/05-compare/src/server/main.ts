// `pnpm start` / `pnpm dev`: lesson 05 on 127.0.0.1:3105, its five stations on 3150–3154.
import { runLessonServer } from "@workshop/server-kit";
import { createServer, LESSON } from "./app.ts";

runLessonServer(LESSON, createServer());
