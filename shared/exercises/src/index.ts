export {
  type Edit,
  type Exercise,
  findExercises,
  matchExercise,
  readHints,
  repoRoot,
  workspaceRoot,
} from "./catalog.ts";
export {
  type Check,
  CheckFailed,
  type CheckMessage,
  type Checks,
  defineChecks,
  type LessonCode,
  lessonCode,
  must,
  mustEventually,
  waitUntil,
  within,
} from "./checks.ts";
export { type CodeState, regionText, stateDir } from "./code-states.ts";
export { withEventSourceGlobal } from "./event-source-global.ts";
export {
  loadProgress,
  type Progress,
  readProgress,
  type Status,
  saveProgress,
  statusOf,
  updateProgress,
} from "./progress.ts";
export { findRegion, readRegion, replaceRegion } from "./regions.ts";
export { applyState, currentRegions, isInState, recoverFinishedFromGit, stubInPlace } from "./workspace.ts";
