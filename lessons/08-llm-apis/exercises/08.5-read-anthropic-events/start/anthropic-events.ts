async *events(body, maxEventChars): AsyncGenerator<ChatEvent> {
  // Exercise 08.5, a stretch: its README says what this reads and what it yields.
  throw new Error("anthropic.events is not written yet (exercise 08.5)");
},
