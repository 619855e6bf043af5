/** Resolves when it is worth reading again. */
function comeBack(): Promise<void> {
  // 🐨 1. Online (ask `online()`), read again after retryMs, as below. Offline, set no timer:
  //       no request can work until the network is back, and the window's `online` event
  //       says when it is.
  // 🐨 2. Resolve at once when the page comes back: `online` or `pageshow` (back from the
  //       back/forward cache) on `events`, the window; or `visibilitychange` on `document`
  //       when the page is visible again (a phone woke the tab), not when it is hidden.
  // 🐨 3. Whichever comes first, undo the others: clear the timer, remove every listener this
  //       call added. Else every cut leaves three more listeners behind.
  // 🐨 4. leave() and resume() (below) end the wait at once by calling `wake`: point it at the
  //       function that resolves while the wait lasts, and set it back to undefined after.
  // 💣 Below: retryMs later, whatever happens. Offline too, and no sooner when the page is back.
  return new Promise((resolve) => setTimeout(resolve, retryMs));
}
