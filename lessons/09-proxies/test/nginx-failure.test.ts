// A directive typed wrong in src/server/paths.ts (exercise 09.2) makes nginx refuse the
// config: the lesson says nginx's sentence and where to fix it, not a stack trace.
import { expect, it } from "vitest";
import { describeNginxFailure } from "../src/server/nginx-failure.ts";

it("says nginx's own complaint and where the directives are, without the temporary file or a stack", () => {
  const error = new Error(
    'nginx did not start:\n2026/12/06 14:28:29 [emerg] 18687#18687: unexpected "}" in /tmp/workshop-nginx-oZfqFy/nginx.conf:88\n',
  );
  const said = describeNginxFailure(error) ?? "";
  expect(said).toContain('[emerg] 18687#18687: unexpected "}"');
  expect(said).toContain("src/server/paths.ts");
  expect(said).not.toContain("/tmp/workshop-nginx");
  expect(said).not.toMatch(/\n\s+at /);
});

it("says it in Chinese under pnpm dev --lang zh, nginx's own sentence unchanged", () => {
  const error = new Error(
    'nginx did not start:\n2026/12/06 14:28:29 [emerg] 7#7: unknown directive "proxy_bufering"\n',
  );
  const said = describeNginxFailure(error, "zh") ?? "";
  expect(said).toContain("nginx 拒绝了这一课的配置");
  expect(said).toContain('[emerg] 7#7: unknown directive "proxy_bufering"');
  expect(said).toContain("src/server/paths.ts");
  expect(said).not.toMatch(/refused|directives are/);
});

it("leaves any other error alone", () => {
  expect(describeNginxFailure(new Error("EADDRINUSE"))).toBeUndefined();
});
