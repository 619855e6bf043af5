// THE TRAP (?trap=no-abort): the chat composable without onScopeDispose. Close
// the chat mid-answer and the fetch stays open: the server keeps the model
// generating (and billing) for a component that no longer exists. Compare with
// ../use-chat-stream.ts.
import { chatRefs } from "../use-chat-stream.ts";

export const useChatStreamWithoutDispose = chatRefs; // 💣 nothing registered with onScopeDispose
