  // 🐨 1. Split `text` into the characters a reader sees (graphemes), with the segmenter
  //       `graphemes` above. Counting UTF-16 units (text.slice) would cut 👨‍👩‍👧 or 🇨🇳 in half
  //       and show a broken box for one tick.
  // 🐨 2. Every `tickMs`, show `charsPerTick` more of them: call `show` with everything
  //       revealed so far, never more than the whole text.
  // 🐨 3. Once everything is shown, stop the timer: the step tutorials forget, and every
  //       answer then leaves a timer calling show() forever.
  // 🐨 4. Return a function that stops it too, for a page that moves on before the end.
  show(text);
  return () => {};
