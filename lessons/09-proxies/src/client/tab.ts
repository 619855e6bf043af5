// tab/: only the shared stream, joined on load, light enough to open in many tabs at once.
import "@workshop/page-kit/style.css";
import type { ProxyPath } from "../protocol.ts";
import { loadPaths } from "./paths.ts";
import { postNotice, showSharedStream } from "./shared-stream-panel.ts";

const paths = await loadPaths();
const direct = paths.find((path) => path.name === "direct") as ProxyPath;
showSharedStream(document.getElementById("share-metrics") as HTMLElement, `${direct.url}/api/notifications`);
document.getElementById("post-notice")?.addEventListener("click", postNotice);
