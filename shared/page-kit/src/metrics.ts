// A <dl> of label → value pairs, rebuilt with textContent on every update.
// Each value carries its label as data-metric, so a test (or a student in
// DevTools) reads one metric by name instead of parsing the whole list.
/** The selector of one metric's value inside a list made by renderMetrics. */
export const metricValue = (label: string) => `dd[data-metric="${label}"]`;

export type MetricRows = ReadonlyArray<readonly [label: string, value: string]>;

export function renderMetrics(list: HTMLElement, rows: MetricRows): void {
  list.replaceChildren(
    ...rows.flatMap(([label, value]) => {
      const dt = document.createElement("dt");
      dt.textContent = label;
      const dd = document.createElement("dd");
      dd.textContent = value;
      dd.dataset.metric = label;
      return [dt, dd];
    }),
  );
}
