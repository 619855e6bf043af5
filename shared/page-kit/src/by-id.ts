/** The page's element with this id; throws when the HTML has none, so a typo shows at once, not as a null later. */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`the page has no element #${id}`);
  return element as T;
}
