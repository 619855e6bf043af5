// Tick n happens at n × clockMs since the epoch, so its id says when it
// was: the ticks a client missed can be recomputed, no history kept.
const MISSED_TICKS_SENT = 60; // a client back after an hour gets the last minute, not 3,600 events
app.get("/api/clock", (req, res) => {
  settings.open.track(req, res); // 429 when this client has too many streams open
  const stream = openEventStream(res, { ...settings, heartbeatMs: 0 }); // ticks are traffic enough
  const current = () => Math.floor(Date.now() / settings.clockMs);
  let next = current();
  const lastId = req.get("Last-Event-ID"); // sent by EventSource when it reconnects
  if (lastId !== undefined && /^\d{1,15}$/.test(lastId)) {
    next = Math.min(current(), Math.max(Number(lastId) + 1, current() - MISSED_TICKS_SENT + 1));
  }
  const tick = () => {
    for (const now = current(); next <= now; next++) {
      const data: ClockData = { now: new Date(next * settings.clockMs).toISOString() };
      void stream.send(encodeEvent({ id: String(next), event: EVENTS.tick, data: JSON.stringify(data) }));
    }
  };
  tick();
  const timer = setInterval(tick, settings.clockMs);
  // #region clock-cleanup
  res.on("close", () => {
    clearInterval(timer); // without this, every visit leaks a timer writing to a dead socket
  });
  // #endregion
});
