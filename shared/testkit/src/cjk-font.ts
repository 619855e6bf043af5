// The workshop is bilingual: without a CJK font, Chromium draws Chinese as
// empty boxes (□□□), on a projector too. A test can ask whether the machine
// has one; under CI=true a missing font is a failure, never a skip.
import { execFileSync } from "node:child_process";

export const HOW_TO_GET_A_CJK_FONT =
  "no CJK font found: install one (Debian/Ubuntu: `sudo apt-get install fonts-noto-cjk`; macOS and Windows have one)";

/** Whether fontconfig knows a font with Chinese glyphs (Linux). Elsewhere, assume the system has one. */
export function hasCjkFont(): boolean {
  if (process.platform !== "linux") return true;
  try {
    return execFileSync("fc-list", [":lang=zh"], { encoding: "utf8" }).trim() !== "";
  } catch {
    return false;
  }
}
