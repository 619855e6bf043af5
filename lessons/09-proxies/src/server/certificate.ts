// A self-signed certificate for the HTTP/2 path (browsers speak HTTP/2 only
// over TLS), made at start with openssl, valid for 2 days, never committed.
import { spawnSync } from "node:child_process";
import { join } from "node:path";

export const HOW_TO_GET_OPENSSL =
  "no openssl found: install it (Debian/Ubuntu: `sudo apt-get install openssl`)";

export function makeCertificate(dir: string): { cert: string; key: string } {
  const cert = join(dir, "localhost.crt");
  const key = join(dir, "localhost.key");
  const made = spawnSync(
    "openssl",
    [
      "req",
      "-x509",
      "-newkey",
      "ec",
      "-pkeyopt",
      "ec_paramgen_curve:prime256v1",
      "-nodes",
      "-keyout",
      key,
      "-out",
      cert,
      "-days",
      "2",
      "-subj",
      "/CN=localhost",
      "-addext",
      "subjectAltName=DNS:localhost,IP:127.0.0.1",
    ],
    { encoding: "utf8" },
  );
  if (made.error) throw new Error(HOW_TO_GET_OPENSSL);
  if (made.status !== 0) throw new Error(`openssl failed: ${made.stderr}`);
  return { cert, key };
}
