  // 🐨 Give the cell its verdict, worst first:
  //   - the run gave up (record.outcome "gave up")           → "✗ gives up"
  //   - no token came for too long ("stuck")                 → "✗ stuck, never notices"
  //   - some token arrived twice (duplicated > 0)            → "✓ but starts over (duplicates)"
  //   - some token is missing, or the text differs (lost > 0 || !exact) → "✓ but loses tokens"
  //   - else                                                 → "✓ resumes exactly"
  //   Return { verdict, measured } (measured is computed above).
  return { verdict: "?", measured: `${lost} ${duplicated} ${exact}` };
