import { useState } from "react";
import { say } from "../stream/page-text.ts";
import { ChatPanel } from "./ChatPanel.tsx";
import { NotificationsBadge } from "./NotificationsBadge.tsx";

export function App() {
  const [chatOpen, setChatOpen] = useState(true);
  const [badgeOpen, setBadgeOpen] = useState(true);
  return (
    <>
      <header className="bar">
        {badgeOpen && <NotificationsBadge />}
        <button type="button" className="secondary" onClick={() => setBadgeOpen((open) => !open)}>
          {say(badgeOpen ? "hide-notifications" : "show-notifications")}
        </button>
        {/* Closing unmounts the chat: a stream in progress must stop, on the server too. */}
        <button type="button" className="secondary" onClick={() => setChatOpen((open) => !open)}>
          {say(chatOpen ? "close-chat" : "open-chat")}
        </button>
      </header>
      {chatOpen && <ChatPanel />}
    </>
  );
}
