  // 🐨 1. Split `text` into the characters a reader sees: `graphemes.segment(text)` (above)
  //       yields { segment } parts. text.slice() counts UTF-16 units and cuts 👨‍👩‍👧 or 🇨🇳 in half.
  // 🐨 2. Every `tickMs`, show `charsPerTick` more of them: show(visible).
  // 🐨 3. When everything is shown, clear the interval: the step tutorials forget.
  // 🐨 4. Return a function that clears it too, for a page that moves on early.
  show(text);
  return () => {};
