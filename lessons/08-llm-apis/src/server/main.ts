// `pnpm start` / `pnpm dev 08`: lesson 08's BFF and mock providers on 127.0.0.1:3108.
// Real providers by environment (see README "Real providers"); keys stay here.
import { runLessonServer } from "@workshop/server-kit";
import { createServer, LESSON } from "./app.ts";

runLessonServer(LESSON, createServer());
