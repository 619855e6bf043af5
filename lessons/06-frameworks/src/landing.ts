// The lesson's first page (the URL `pnpm dev 06` prints): the workshop's look, and a link
// to each trap on each page it applies to, so an instructor switches with one click.
import "@workshop/page-kit/style.css";
import { byId } from "@workshop/page-kit";
import { TRAPS } from "./stream/traps.ts";

byId("traps").replaceChildren(
  ...Object.entries(TRAPS).map(([name, { pages, shows }]) => {
    const item = document.createElement("li");
    const code = document.createElement("code");
    code.textContent = `?trap=${name}`;
    item.append(code, `: ${shows}. `);
    for (const page of pages) {
      const link = document.createElement("a");
      link.href = `/${page}/?trap=${name}`;
      link.textContent = page === "react" ? "React" : "Vue";
      item.append(link, " ");
    }
    return item;
  }),
);
