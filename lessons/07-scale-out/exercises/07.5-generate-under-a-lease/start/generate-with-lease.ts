// Exercise 07.5, a stretch: its README says how a job is generated under its lease.
async function generate(id: string, prompt: string, controller: AbortController, release: () => void) {
  throw new Error(`generate(${id}) is not written yet (exercise 07.5)`);
}
