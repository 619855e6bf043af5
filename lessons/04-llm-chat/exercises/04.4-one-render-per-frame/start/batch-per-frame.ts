      text += delta;
      // 💣 One full render per token: markdown parsed and sanitized again, the DOM rebuilt,
      //    for every few characters. Tokens arrive faster than the screen refreshes
      //    (60 times a second), so most of that work is never even seen.
      // 🐨 Schedule render() for the next animation frame instead: requestAnimationFrame(render).
      //    Only if one is not scheduled yet: `frame` holds its id (0 when none; render() resets it).
      render();
