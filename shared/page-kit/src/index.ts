export { byId } from "./by-id.ts";
export { createEventLog, type EventLog } from "./event-log.ts";
export { formatBytes, formatMs, utf8Length } from "./format.ts";
export { METRIC_NAMES } from "./metric-names.ts";
export { type MetricRows, metricValue, renderMetrics } from "./metrics.ts";
export {
  type Messages,
  messagesFor,
  type PageLanguage,
  pageLanguage,
  type Say,
  sayIn,
  setRichText,
  usePageLanguage,
} from "./page-language.ts";
export { usePresentationLayout } from "./presentation.ts";
