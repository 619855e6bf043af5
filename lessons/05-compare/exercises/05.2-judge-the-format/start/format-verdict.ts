  // 🐨 A Format row asks: did the exact text arrive, and (for some rows) in time? Worst first:
  //   1. The run did not complete → "✗ " and how it ended (its outcome).
  //   2. The text is not the reply → "✗ text differs".
  //   3. The row only asks for exact text (asksForTextBeforeTheEnd is false) → "✓ exact".
  //   4. Otherwise, did the text arrive token by token, or in one lump at the end (a
  //      buffering proxy)? Each arrival says which network read delivered it (`read`): a
  //      stream arrives over many reads, a held-back response in one. Count the distinct
  //      reads: more than one → "✓ token by token", else "✗ all at once, at the end".
  //      Never a threshold in milliseconds: a slow machine would get another verdict.
  //      measured: "N reads" ("1 read" for one); "–" for the other rows.
  return { verdict: "?", measured: `${exact} ${asksForTextBeforeTheEnd}` };
