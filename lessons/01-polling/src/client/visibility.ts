// Page Visibility, behind a small interface so pollers can be tested without a DOM.
export interface Visibility {
  hidden(): boolean;
  /** Calls `listener` when the tab is hidden or shown; returns the unsubscribe. */
  onChange(listener: () => void): () => void;
}

export const documentVisibility: Visibility = {
  hidden: () => document.visibilityState === "hidden",
  onChange(listener) {
    document.addEventListener("visibilitychange", listener);
    return () => document.removeEventListener("visibilitychange", listener);
  },
};
