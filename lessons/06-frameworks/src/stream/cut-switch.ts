// The page's "Cut inside characters" switch: a cookie the server reads on /api/chat
// (server/cut-inside-characters.ts), so every reader, the fix's and the tutorial's, gets the
// cut answer without being told. Ticked, ask in Chinese (为什么要流式输出？): the fix reads it
// exactly; ?trap=tutorial-reader shows �.
import { CUT_COOKIE } from "./page-switches.ts";

export function bindCutSwitch(box: HTMLInputElement): void {
  box.checked = document.cookie.split(/;\s*/).includes(`${CUT_COOKIE}=1`);
  box.addEventListener("change", () => {
    // biome-ignore lint/suspicious/noDocumentCookie: one fixed flag; the Cookie Store API is not in every browser a class brings
    document.cookie = `${CUT_COOKIE}=${box.checked ? "1; max-age=86400" : "; max-age=0"}; path=/; SameSite=Strict`;
  });
}
