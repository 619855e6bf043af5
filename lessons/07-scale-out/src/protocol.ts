// Lesson 07's messages, written once: imported by the instances, the balancer and the page.
// The job stream itself is lesson 02's (its `token` and `done` events); these are what
// scale-out adds to it.

/** GET /api/instances (the balancer): each instance as the page's tiles show it. */
export interface InstanceView {
  name: string;
  up: boolean;
  /** Requests and streams the balancer is passing to it right now. */
  connections: number;
}

/** The events a job's stream adds to lesson 02's. */
export const JOB_EVENTS = {
  /** The first event of every stream: which instance serves it (the page shows it move). */
  servedBy: "served-by",
  /** Its generation died before `done`: said out loud, never a silent hang. */
  interrupted: "interrupted",
} as const;

/** Why a generation ended, as its `done` event says (and the ways it ends without one). */
export type StopReason =
  | "complete"
  | "cancelled"
  | "max_tokens"
  /** This instance is shutting down: the reply ends with `done`. */
  | "shutdown"
  /** As SIGKILL would: no `done`; readers hear `interrupted` when the lease runs out. */
  | "killed"
  /** The lease ran out while the owner lived (a pause): no `done`; its readers heard `interrupted`. */
  | "lease lost"
  /** The model failed (not stopped by anyone). */
  | "failed";
