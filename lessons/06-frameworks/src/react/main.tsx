// Lesson 06, React 19. StrictMode on purpose: in development it mounts every
// effect twice, which is how a missing cleanup shows itself at once.
import "@workshop/page-kit/style.css";
import "../frameworks.css";
import { usePageLanguage, usePresentationLayout } from "@workshop/page-kit";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { bindCutSwitch } from "../stream/cut-switch.ts";
import { showMetricsIn, watchServerGenerations } from "../stream/page-metrics.ts";
import { MESSAGES, REACT_ZH } from "../stream/page-text.ts";
import { showTrap } from "../stream/trap-banner.ts";
import { App } from "./App.tsx";

// biome-ignore lint/correctness/useHookAtTopLevel: page-kit's layout switch, not a React hook
usePresentationLayout();
// biome-ignore lint/correctness/useHookAtTopLevel: page-kit's language switch, not a React hook
usePageLanguage(REACT_ZH, MESSAGES); // 中文 with ?lang=zh (page-kit)
showMetricsIn(document.getElementById("metrics") as HTMLElement);
bindCutSwitch(document.getElementById("cut-chars") as HTMLInputElement);
watchServerGenerations(); // for the whole life of the page
showTrap("react");
createRoot(document.getElementById("app") as HTMLElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
