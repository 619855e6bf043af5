// tab/: only the shared stream, joined on load, light enough to open in many tabs at once.
import "@workshop/page-kit/style.css";
import { usePageLanguage } from "@workshop/page-kit";
import type { ProxyPath } from "../protocol.ts";
import { HTML_ZH, MESSAGES, TAB_ZH } from "./page-text.ts";
import { loadPaths } from "./paths.ts";
import { postNotice, showSharedStream } from "./shared-stream-panel.ts";

usePageLanguage({ ...HTML_ZH, ...TAB_ZH }, MESSAGES); // 中文 with ?lang=zh (page-kit)

const paths = await loadPaths();
const direct = paths.find((path) => path.name === "direct") as ProxyPath;
showSharedStream(document.getElementById("share-metrics") as HTMLElement, `${direct.url}/api/notifications`);
document.getElementById("post-notice")?.addEventListener("click", postNotice);
