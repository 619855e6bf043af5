// Exercise 06.5, a stretch: its README says what a session does.
const live = createLive();
return {
  live,
  send: () => {},
  regenerate: () => {},
  stop: () => {},
  setMessages: onMessages,
};
