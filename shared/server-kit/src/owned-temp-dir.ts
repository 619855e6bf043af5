// The temporary folders a lesson's services work in (Redis's, nginx's with its private key)
// are removed on exit; a SIGKILL leaves them behind. Each folder names the process that made
// it (owner.pid), and the next one made sweeps those whose owner is gone.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const alive = (pid: number) => {
  try {
    process.kill(pid, 0); // no signal sent: only asks whether the process exists
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM"; // exists, another user's
  }
};

/** Removes `prefix*` folders in the temp dir whose owner died, then makes one owned by this process. */
export function ownedTempDir(prefix: string, root = tmpdir()): string {
  for (const name of readdirSync(root)) {
    if (!name.startsWith(prefix)) continue;
    const dir = join(root, name);
    let owner: number;
    try {
      owner = Number(readFileSync(join(dir, "owner.pid"), "utf8"));
    } catch {
      continue; // not one of ours, or still being made: leave it
    }
    if (owner > 0 && !alive(owner)) rmSync(dir, { recursive: true, force: true });
  }
  const dir = mkdtempSync(join(root, prefix));
  writeFileSync(join(dir, "owner.pid"), String(process.pid));
  return dir;
}
