// Replies are markdown (lists, code). It is rendered through a maintained
// parser (marked) and then a sanitizer (DOMPurify) into a DOM fragment: a
// reply containing <img src=x onerror=…> or <script> stays inert. No innerHTML
// assignment of model output anywhere.
import DOMPurify from "dompurify";
import { marked } from "marked";

// #region render-markdown
export function renderMarkdown(target: HTMLElement, markdown: string): void {
  const html = marked.parse(markdown, { async: false, gfm: true, breaks: true });
  target.replaceChildren(DOMPurify.sanitize(html, { RETURN_DOM_FRAGMENT: true }));
}
// #endregion
