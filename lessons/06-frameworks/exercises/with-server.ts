// For the checks: lesson 06's server built from the code under check, on 127.0.0.1:0.
import type { LessonCode } from "@workshop/exercises";
import { withLessonServer } from "@workshop/exercises/lesson-server";
import type * as App from "../src/server/app.ts";

type Args = Parameters<typeof withLessonServer<typeof App>>;

export const withServer = (code: LessonCode, options: Args[1], use: Args[2]) =>
  withLessonServer<typeof App>(code, options, use);
