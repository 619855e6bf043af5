  // 🐨 A Format row asks: did the exact text arrive, and (for some rows) in time?
  //   1. The run did not complete → `✗ ${record.outcome}`.
  //   2. The text differs (!exact) → "✗ text differs".
  //   3. The row only asks for exact text (!asksForTextBeforeTheEnd) → "✓ exact".
  //   4. Otherwise, did the text arrive token by token, or in one lump at the end (a
  //      buffering proxy)? Tokens are generated 4 ms apart, so a stream that flows spreads
  //      over ~100 ms: spread = last arrival's `at` − first arrival's `at`.
  //      spread > 40 → "✓ token by token", else "✗ all at once, at the end".
  //      measured: `~${Math.round(spread)} ms` (else "–").
  return { verdict: "?", measured: `${exact} ${asksForTextBeforeTheEnd}` };
