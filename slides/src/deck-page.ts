// One deck: reveal.js with its markdown, highlight and speaker-notes plugins,
// all bundled by Vite (nothing is fetched from the internet).
import "reveal.js/reveal.css";
import "reveal.js/theme/white.css";
import "reveal.js/plugin/highlight/monokai.css";
import "./deck.css";
import { decks } from "virtual:decks";
import { usePageLanguage } from "@workshop/page-kit";
import Reveal from "reveal.js";
import Highlight from "reveal.js/plugin/highlight";
import Markdown from "reveal.js/plugin/markdown";
import Notes from "reveal.js/plugin/notes";

// ?lang=zh (remembered, with the 中文 / EN switch): the deck's Chinese twin, where it has one.
const { language } = usePageLanguage({}, { en: {}, zh: {} });
const name = new URLSearchParams(location.search).get("deck") ?? decks[0]?.name;
const found = decks.find((d) => d.name === name);
const deck = found && language === "zh" && found.zh ? found.zh : found;
const slides = document.querySelector(".reveal .slides") as HTMLElement;

const section = document.createElement("section");
const template = document.createElement("textarea");
template.setAttribute("data-template", "");
if (deck) {
  document.title = deck.title;
  section.setAttribute("data-markdown", "");
  section.setAttribute("data-separator", "^\\n---\\n$");
  section.setAttribute("data-separator-vertical", "^\\n--\\n$");
  template.textContent = deck.markdown; // markdown source, parsed by the plugin
} else {
  section.setAttribute("data-markdown", "");
  template.textContent = `# No deck "${name}"\n\n[All decks](./index.html)`;
}
section.append(template);
slides.append(section);

// 1280×800 leaves room for real code at a size the back row can read.
const reveal = new Reveal({
  width: 1280,
  height: 800,
  hash: true,
  slideNumber: "c/t",
  plugins: [Markdown, Highlight, Notes],
});
// `window.reveal` in DevTools (and in the tests that walk every slide).
Object.assign(window, { reveal, deckReady: reveal.initialize() });
