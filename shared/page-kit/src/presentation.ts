// The presentation layout: on a projector (1280×720 and the like) the part
// being taught, the reply, its metrics and its log, must fit without
// scrolling. Chosen by `?present` in the URL, or by itself on a short
// viewport; `?present=0` keeps the roomy layout anywhere. style.css holds
// the rules, under `html.present`; replies scroll inside their boxes, so
// each one follows its newest token.
export function usePresentationLayout(): void {
  const asked = new URLSearchParams(location.search).get("present");
  const short = matchMedia("(max-height: 760px)");
  const apply = () => {
    const present = asked === null ? short.matches : asked !== "0";
    document.documentElement.classList.toggle("present", present);
  };
  apply();
  short.addEventListener("change", apply);
  for (const reply of document.querySelectorAll<HTMLElement>(".reply")) followNewest(reply);
}

/** Keeps a scrolling box at its newest content, unless the reader scrolled up to re-read. */
export function followNewest(box: HTMLElement): void {
  let atBottom = true;
  box.addEventListener("scroll", () => {
    atBottom = box.scrollHeight - box.scrollTop - box.clientHeight < 24;
  });
  new MutationObserver(() => {
    if (atBottom) box.scrollTop = box.scrollHeight;
  }).observe(box, { childList: true, characterData: true, subtree: true });
}
