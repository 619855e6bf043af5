// The index: one link per deck, from virtual:decks (the folder, not a list).
import { decks } from "virtual:decks";

const list = document.getElementById("decks") as HTMLOListElement;
for (const deck of decks) {
  const link = document.createElement("a");
  link.href = `./deck.html?deck=${encodeURIComponent(deck.name)}`;
  link.textContent = deck.title;
  const item = document.createElement("li");
  item.append(link);
  list.append(item);
}
