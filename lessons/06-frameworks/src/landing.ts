// The lesson's first page (the URL `pnpm dev 06` prints): the workshop's look, and a link
// to each trap on each page it applies to, so an instructor switches with one click.
import "@workshop/page-kit/style.css";
import { byId, usePageLanguage } from "@workshop/page-kit";
import { LANDING_ZH, MESSAGES, say } from "./stream/page-text.ts";
import { TRAPS, type Trap } from "./stream/traps.ts";

// biome-ignore lint/correctness/useHookAtTopLevel: page-kit's language switch, not a React hook
usePageLanguage(LANDING_ZH, MESSAGES); // 中文 with ?lang=zh (page-kit)

byId("traps").replaceChildren(
  ...Object.entries(TRAPS).map(([name, { pages }]) => {
    const item = document.createElement("li");
    const code = document.createElement("code");
    code.textContent = `?trap=${name}`;
    item.append(code, `: ${say(`shows-${name as Trap}`)}. `);
    for (const page of pages) {
      const link = document.createElement("a");
      link.href = `/${page}/?trap=${name}`;
      link.textContent = page === "react" ? "React" : "Vue";
      item.append(link, " ");
    }
    return item;
  }),
);
