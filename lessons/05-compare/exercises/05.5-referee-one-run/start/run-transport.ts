// Exercise 05.5, a stretch: its README says what a run records, and when it ends.
return Promise.reject(new Error(`runTransport("${transport}") is not written yet (exercise 05.5)`));
