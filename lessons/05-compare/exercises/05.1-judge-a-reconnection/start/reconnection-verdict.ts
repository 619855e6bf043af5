  // 🐨 Give the cell its verdict, worst first: the first question answered "yes" decides.
  //   - the run gave up (its outcome)                       → "✗ gives up"
  //   - no token came for too long: the run is stuck        → "✗ stuck, never notices"
  //   - some token arrived twice (the client started over)  → "✓ but starts over (duplicates)"
  //   - some token is missing, or the text is not the reply → "✓ but loses tokens"
  //   - none of these                                       → "✓ resumes exactly"
  //   How the run ended comes first: a run that gave up failed, even if its tokens were exact.
  //   Each verdict goes with the `measured` cell computed above.
  return { verdict: "?", measured: `${lost} ${duplicated} ${exact}` };
