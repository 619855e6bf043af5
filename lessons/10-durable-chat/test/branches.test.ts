// The page's view of the tree: an answer's versions are its siblings, and choosing one
// shows the branch through it down to its newest leaf.
import { describe, expect, it } from "vitest";
import { branchThrough, siblingsOf } from "../src/client/branches.ts";
import type { MessageView } from "../src/protocol.ts";

const message = (id: string, role: MessageView["role"], parentId: string | null): MessageView => ({
  id,
  role,
  parentId,
  text: id,
  status: "complete",
});
// u1 → a1 (first answer) and a2 (regenerated); a2 → u2 → a3
const tree = [
  message("u1", "user", null),
  message("a1", "assistant", "u1"),
  message("a2", "assistant", "u1"),
  message("u2", "user", "a2"),
  message("a3", "assistant", "u2"),
];
const byId = (id: string) => tree.find((m) => m.id === id) as MessageView;

describe("an answer's versions", () => {
  it("are the answers to the same user message, oldest first", () => {
    expect(siblingsOf(tree, byId("a2")).map((m) => m.id)).toEqual(["a1", "a2"]);
    expect(siblingsOf(tree, byId("a3")).map((m) => m.id)).toEqual(["a3"]);
  });

  it("switching to the old version shows the branch through it, which ends there", () => {
    expect(branchThrough(tree, byId("a1")).map((m) => m.id)).toEqual(["u1", "a1"]);
  });

  it("switching back shows the conversation that went on from the new version", () => {
    expect(branchThrough(tree, byId("a2")).map((m) => m.id)).toEqual(["u1", "a2", "u2", "a3"]);
  });
});
