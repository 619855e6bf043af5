// Which trap the page runs (`?trap=`), said on the page itself: a class looking at a
// broken page must know it is broken on purpose.
import { trap } from "./conversation.ts";

export function showTrap(): void {
  const banner = document.getElementById("trap-on");
  if (!banner || !trap) return;
  banner.textContent = `Trap on: ?trap=${trap} (remove it from the address for the fix)`;
  banner.hidden = false;
}
