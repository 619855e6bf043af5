// Lesson 09's one message shape: the paths between the browser and the
// origin that GET /api/proxies lists, read by the page and the tests.

// #region proxy-path
export interface ProxyPath {
  /** e.g. "nginx-defaults" */
  name: string;
  /** The base URL: lesson 02's API and lesson 03's /ws answer under it as they do directly. */
  url: string;
  /** Does a stream through this path arrive all at once, at the end? */
  buffering: boolean;
  http2: boolean;
  /** What this path stands for, in one sentence. */
  note: string;
}
// #endregion

export interface ProxyList {
  paths: ProxyPath[];
}
