// Lesson 06, Vue 3.5 with <script setup> single-file components.
import "@workshop/page-kit/style.css";
import "../frameworks.css";
import { usePresentationLayout } from "@workshop/page-kit";
import { createApp } from "vue";
import { bindCutSwitch } from "../stream/cut-switch.ts";
import { showMetricsIn, watchServerGenerations } from "../stream/page-metrics.ts";
import { showTrap } from "../stream/trap-banner.ts";
import App from "./App.vue";

// biome-ignore lint/correctness/useHookAtTopLevel: page-kit's layout switch, not a React hook
usePresentationLayout();
showMetricsIn(document.getElementById("metrics") as HTMLElement);
bindCutSwitch(document.getElementById("cut-chars") as HTMLInputElement);
watchServerGenerations(); // for the whole life of the page
showTrap("vue");
createApp(App).mount("#app");
