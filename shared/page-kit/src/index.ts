export { createEventLog, type EventLog } from "./event-log.ts";
export { formatBytes, formatMs, utf8Length } from "./format.ts";
export { type MetricRows, renderMetrics } from "./metrics.ts";
