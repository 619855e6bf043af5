// The program: `pnpm stream-doctor <url>` runs this file (and so does the package's bin).
import { main } from "./cli.ts";

const code = await main(process.argv.slice(2), {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  color: process.stdout.isTTY === true && !process.env.NO_COLOR,
});
// Exit once the report is written (a pipe may still be taking it), without waiting for
// idle keep-alive sockets to time out.
process.exitCode = code;
process.stdout.write("", () => process.exit());
