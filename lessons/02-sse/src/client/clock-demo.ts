// The classic first SSE demo: the server's clock, pushed every second.
// Stopping it is close(): the server sees the response close and clears its timer.
import { type ClockData, EVENTS } from "../protocol.ts";

export function addClockToggle(
  button: HTMLButtonElement,
  face: HTMLElement,
  labels = { start: "Start clock", stop: "Stop clock" },
): void {
  let clock: EventSource | undefined;
  button.addEventListener("click", () => {
    if (clock) {
      clock.close();
      clock = undefined;
      button.textContent = labels.start;
      return;
    }
    clock = new EventSource("/api/clock");
    clock.addEventListener(EVENTS.tick, (e) => {
      face.textContent = new Date((JSON.parse(e.data) as ClockData).now).toLocaleTimeString();
    });
    button.textContent = labels.stop;
  });
}
