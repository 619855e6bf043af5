// A <dl> of label → value pairs, rebuilt with textContent on every update.
export type MetricRows = ReadonlyArray<readonly [label: string, value: string]>;

export function renderMetrics(list: HTMLElement, rows: MetricRows): void {
  list.replaceChildren(
    ...rows.flatMap(([label, value]) => {
      const dt = document.createElement("dt");
      dt.textContent = label;
      const dd = document.createElement("dd");
      dd.textContent = value;
      return [dt, dd];
    }),
  );
}
