import { useState } from "react";
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
          {badgeOpen ? "Hide notifications" : "Show notifications"}
        </button>
        {/* Closing unmounts the chat: a stream in progress must stop, on the server too. */}
        <button type="button" className="secondary" onClick={() => setChatOpen((open) => !open)}>
          {chatOpen ? "Close chat" : "Open chat"}
        </button>
      </header>
      {chatOpen && <ChatPanel />}
    </>
  );
}
