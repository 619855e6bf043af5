// THE TRAP (README "pitfalls"): the client half of the common tutorial.
// It skips "[DONE]" but never calls close(), and the server ends the response
// after it. EventSource treats the end as a drop and reconnects; the server has
// no ids to resume from, so the reply starts over and is appended again.
export function followTutorial(
  url: string,
  onText: (text: string) => void,
  onReconnect: () => void,
): { close(): void } {
  // #region tutorial-client
  const source = new EventSource(url);
  let opens = 0;
  source.onopen = () => {
    if (++opens > 1) onReconnect();
  };
  source.onmessage = (event) => {
    if (event.data === "[DONE]") return; // ...and the connection is left to EventSource
    onText(JSON.parse(event.data) as string);
  };
  // #endregion
  return { close: () => source.close() };
}
