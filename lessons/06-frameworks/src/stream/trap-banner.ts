// Which trap the page runs (`?trap=`), said on the page itself: a class looking at a
// broken page must know it is broken on purpose, and how.
import { say } from "./page-text.ts";
import { askedTrap, type Page, TRAPS, trap } from "./traps.ts";

export function showTrap(page: Page): void {
  const banner = document.getElementById("trap-on");
  if (!banner || !askedTrap) return;
  banner.textContent = !trap
    ? say("no-such-trap", { name: askedTrap, traps: Object.keys(TRAPS).join(", ") })
    : TRAPS[trap].pages.includes(page)
      ? say("trap-on", { trap, shows: say(`shows-${trap}`) })
      : say("react-only", { trap });
  banner.hidden = false;
}
