// The index: one link per deck, from virtual:decks (the folder, not a list).

import { decks } from "virtual:decks";
import { usePageLanguage } from "@workshop/page-kit";

const { language } = usePageLanguage(
  {
    "page-title": "流式输出工作坊 · 幻灯片",
    intro: "每课一套幻灯片。在幻灯片里：按 `S` 打开演讲者备注，按 `F` 全屏，按 `Esc` 看全部幻灯片的概览。",
  },
  { en: {}, zh: {} },
);

const list = document.getElementById("decks") as HTMLOListElement;
for (const deck of decks) {
  const link = document.createElement("a");
  link.href = `./deck.html?deck=${encodeURIComponent(deck.name)}`;
  link.textContent = language === "zh" && deck.zh ? deck.zh.title : deck.title;
  const item = document.createElement("li");
  item.append(link);
  list.append(item);
}
