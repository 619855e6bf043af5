// The page's side of the shared stream: join the worker, hear its events,
// and say goodbye when the tab goes, so the worker forgets this port.
export function joinSharedStream(url: string, hear: (type: string, data: string) => void): () => void {
  const worker = new SharedWorker(new URL("./stream-worker.ts", import.meta.url), {
    type: "module",
    name: "lesson-09-stream",
  });
  worker.port.onmessage = (event: MessageEvent<{ type: string; data: string }>) =>
    hear(event.data.type, event.data.data);
  worker.port.start();
  worker.port.postMessage({ join: url });
  const leave = () => worker.port.postMessage({ leave: true });
  addEventListener("pagehide", leave);
  return leave;
}
