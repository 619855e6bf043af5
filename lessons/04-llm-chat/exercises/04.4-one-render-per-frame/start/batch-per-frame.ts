      text += delta;
      // 💣 One full render per token: markdown parsed and sanitized again, the DOM rebuilt,
      //    for every few characters. Tokens arrive faster than the screen refreshes
      //    (60 times a second), so most of that work is never even seen.
      // 🐨 Book render() for the next animation frame instead, and only if no render is
      //    booked yet: `frame` holds the booked frame's id (0 when none; render() resets it),
      //    so a burst of tokens shares one render.
      render();
