// Replies are markdown (lists, code). They are rendered through a maintained
// parser (marked) and then a sanitizer (DOMPurify) into a DOM fragment. No
// innerHTML assignment of model output anywhere.
//
// Model output is untrusted the way a stranger's comment is: a prompt
// injection can make the model write markup. Stopping <script> is not enough.
// An image loads by itself and can carry the conversation in its URL, a form
// can ask for a password, a <style> can hide or restyle the page. So the
// sanitizer allows only what a chat answer needs, images become links, and
// the page's Content-Security-Policy (vite.config.ts) blocks the rest even if
// something slipped through.
import DOMPurify, { type Config } from "dompurify";
import { Marked } from "marked";

// #region sanitize-config
const MODEL_OUTPUT: Config = {
  ALLOWED_TAGS: [
    ...["p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote"],
    ...["strong", "em", "del", "s", "code", "pre", "ul", "ol", "li", "a"],
    ...["table", "thead", "tbody", "tr", "th", "td"],
  ],
  ALLOWED_ATTR: ["href", "title", "start", "align"],
  // Links only to the web or to mail: no javascript:, data:, or relative paths.
  ALLOWED_URI_REGEXP: /^(?:https?|mailto):/i,
};

// Every link opens in a new tab, without giving that page a handle on this one.
DOMPurify.addHook("afterSanitizeAttributes", (node) => {
  if (node.tagName === "A") {
    node.setAttribute("target", "_blank");
    node.setAttribute("rel", "noopener noreferrer");
  }
});
// #endregion

const text = (value: string) => value.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

// An image in a reply would load by itself: show a link to it instead.
const marked = new Marked({
  gfm: true,
  breaks: true,
  renderer: {
    image({ href, text: alt }) {
      return `<a href="${text(href)}">🖼 ${text(alt || "image")} (not loaded)</a>`;
    },
  },
});

// #region render-markdown
export function renderMarkdown(target: HTMLElement, markdown: string): void {
  const html = marked.parse(markdown, { async: false });
  target.replaceChildren(DOMPurify.sanitize(html, { ...MODEL_OUTPUT, RETURN_DOM_FRAGMENT: true }));
}
// #endregion
