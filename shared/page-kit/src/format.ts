/** "840 ms", "3.2 s" or "–" for a time not reached yet. */
export function formatMs(ms: number | undefined): string {
  if (ms === undefined || Number.isNaN(ms)) return "–";
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

/** "512 B", "3.4 KB" (1 KB = 1000 B, as DevTools shows). */
export function formatBytes(bytes: number): string {
  return bytes < 1000 ? `${bytes} B` : `${(bytes / 1000).toFixed(1)} KB`;
}

/** UTF-8 size of a string: what the body cost on the wire. */
export function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}
