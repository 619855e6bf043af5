// THE TRAP (?trap=no-abort): the chat without its effect cleanup. Close the chat
// mid-answer and the fetch stays open: the server keeps the model generating
// (and billing) for a component nobody sees. Compare with ../use-chat-stream.ts.
import { useChatSession } from "../use-chat-stream.ts";

export const useChatStreamWithoutAbort = useChatSession; // 💣 no useEffect(() => chat.stop)
