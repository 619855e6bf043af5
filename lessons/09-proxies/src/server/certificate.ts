// A self-signed certificate for the HTTP/2 path (browsers speak HTTP/2 only
// over TLS), made with openssl and kept per user, outside the repository, for
// 30 days: accept it in the browser once (or trust it), and it is the same one
// after every restart of the lesson. Made again when less than a day is left.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";

export const HOW_TO_GET_OPENSSL =
  "no openssl found: install it (Debian/Ubuntu: `sudo apt-get install openssl`)";

const VALID_DAYS = 30;
const RENEW_WITHIN_S = 24 * 60 * 60;

/** Where the certificate is kept: the user's cache folder, never the repository. */
export const certificateCache = (env: NodeJS.ProcessEnv = process.env) =>
  join(env.XDG_CACHE_HOME || join(homedir(), ".cache"), "streaming-workshop", "09-proxies");

function openssl(args: string[]) {
  const run = spawnSync("openssl", args, { encoding: "utf8" });
  if (run.error) throw new Error(HOW_TO_GET_OPENSSL);
  return run;
}

/**
 * The cached key and certificate in one PEM file, made (atomically: tests start side by side)
 * when missing or ending. `made`: a new one, which a browser must accept again.
 */
function cachedPem(cache: string, days: number): { pem: string; made: boolean } {
  const pem = join(cache, "localhost.pem");
  if (
    existsSync(pem) &&
    openssl(["x509", "-checkend", String(RENEW_WITHIN_S), "-noout", "-in", pem]).status === 0
  )
    return { pem: readFileSync(pem, "utf8"), made: false };
  mkdirSync(cache, { recursive: true, mode: 0o700 });
  const work = mkdtempSync(join(cache, "new-"));
  try {
    const [key, cert] = [join(work, "key.pem"), join(work, "cert.pem")];
    const made = openssl([
      ...["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"],
      ...["-keyout", key, "-out", cert, "-days", String(days), "-subj", "/CN=localhost"],
      ...["-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"],
    ]);
    if (made.status !== 0) throw new Error(`openssl failed: ${made.stderr}`);
    const both = `${readFileSync(key, "utf8")}${readFileSync(cert, "utf8")}`;
    writeFileSync(join(work, "both.pem"), both, { mode: 0o600 });
    renameSync(join(work, "both.pem"), pem); // one rename: a reader sees the old pair or the new, never half
    renameSync(cert, join(cache, "localhost.crt")); // the one to trust, if you like
    return { pem: both, made: true };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function block(pem: string, kind: RegExp): string {
  const found = pem.match(
    new RegExp(`-----BEGIN ${kind.source}-----[^-]+-----END ${kind.source}-----\\n`),
  )?.[0];
  if (!found)
    throw new Error(`the cached certificate has no ${kind.source} block: delete it to make a new one`);
  return found;
}

/** The certificate and key for nginx, written into `dir` (its private prefix) from the cache. */
export function certificateIn(
  dir: string,
  { cache = certificateCache(), days = VALID_DAYS }: { cache?: string; days?: number } = {},
): { cert: string; key: string; made: boolean } {
  const { pem, made } = cachedPem(cache, days);
  const cert = join(dir, "localhost.crt");
  const key = join(dir, "localhost.key");
  writeFileSync(cert, block(pem, /CERTIFICATE/));
  writeFileSync(key, block(pem, /(?:EC )?PRIVATE KEY/), { mode: 0o600 });
  return { cert, key, made };
}
