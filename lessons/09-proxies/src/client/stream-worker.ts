// A SharedWorker: ONE EventSource for every tab of this origin that joins,
// however many there are. HTTP/1.1 gives a browser six connections per
// origin; a stream per tab would hang the seventh tab.
// #region stream-worker
// The DOM typings have no SharedWorkerGlobalScope; `onconnect` is all this file uses of it.
const scope = self as unknown as { onconnect: (event: MessageEvent) => void };
const tabs = new Set<MessagePort>();
/** The latest event of each type, for a tab that joins late (presence is only sent on change). */
const latest = new Map<string, string>();
let source: EventSource | undefined;

scope.onconnect = (event) => {
  const port = event.ports[0] as MessagePort;
  port.onmessage = (message: MessageEvent<{ join?: string; leave?: boolean }>) => {
    if (message.data.leave) return void tabs.delete(port); // a tab that closes says so (pagehide)
    if (!message.data.join) return;
    tabs.add(port);
    for (const [type, data] of latest) port.postMessage({ type, data });
    if (source) return;
    source = new EventSource(message.data.join);
    for (const type of ["notice", "presence"])
      source.addEventListener(type, (e) => {
        const data = (e as MessageEvent<string>).data;
        latest.set(type, data);
        for (const tab of tabs) tab.postMessage({ type, data });
      });
  };
  port.start();
};
// #endregion
