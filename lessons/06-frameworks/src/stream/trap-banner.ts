// Which trap the page runs (`?trap=`), said on the page itself: a class looking at a
// broken page must know it is broken on purpose, and how.
import { askedTrap, type Page, TRAPS, trap } from "./traps.ts";

export function showTrap(page: Page): void {
  const banner = document.getElementById("trap-on");
  if (!banner || !askedTrap) return;
  banner.textContent = !trap
    ? `No trap is called "${askedTrap}": this is the fix. Traps: ${Object.keys(TRAPS).join(", ")}.`
    : TRAPS[trap].pages.includes(page)
      ? `Trap on: ?trap=${trap}: ${TRAPS[trap].shows}. Remove it from the address for the fix.`
      : `?trap=${trap} is React's alone (Vue's handlers read refs when they run): this page is the fix.`;
  banner.hidden = false;
}
