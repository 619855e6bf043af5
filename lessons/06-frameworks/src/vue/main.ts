// Lesson 06, Vue 3.5 with <script setup> single-file components.
import "@workshop/page-kit/style.css";
import "../frameworks.css";
import { usePageLanguage, usePresentationLayout } from "@workshop/page-kit";
import { createApp } from "vue";
import { bindCutSwitch } from "../stream/cut-switch.ts";
import { showMetricsIn, watchServerGenerations } from "../stream/page-metrics.ts";
import { MESSAGES, VUE_ZH } from "../stream/page-text.ts";
import { showTrap } from "../stream/trap-banner.ts";
import App from "./App.vue";

// biome-ignore lint/correctness/useHookAtTopLevel: page-kit's layout switch, not a React hook
usePresentationLayout();
// biome-ignore lint/correctness/useHookAtTopLevel: page-kit's language switch, not a React hook
usePageLanguage(VUE_ZH, MESSAGES); // 中文 with ?lang=zh (page-kit)
showMetricsIn(document.getElementById("metrics") as HTMLElement);
bindCutSwitch(document.getElementById("cut-chars") as HTMLInputElement);
watchServerGenerations(); // for the whole life of the page
showTrap("vue");
createApp(App).mount("#app");
