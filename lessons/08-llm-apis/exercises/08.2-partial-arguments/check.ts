import { defineChecks, type LessonCode, must } from "@workshop/exercises";
import type * as Partial from "../../src/client/partial-arguments.ts";

const load = async (code: LessonCode) =>
  (await code.load<typeof Partial>("src/client/partial-arguments.ts")).partialArguments;

export default defineChecks({
  'half a string is already a value: {"city":"Hang shows city Hang': async (code) => {
    const partialArguments = await load(code);
    const seen = partialArguments('{"city":"Hang');
    must(
      JSON.stringify(seen) === '{"city":"Hang"}',
      `{"city":"Hang read as ${JSON.stringify(seen)}: parse partial JSON`,
    );
  },

  "every prefix of the arguments reads without throwing, and the last one whole": async (code) => {
    const partialArguments = await load(code);
    const json = '{"expression":"12 * (3 + 4)","precise":true,"n":[1,2]}';
    for (let i = 0; i <= json.length; i++) {
      let seen: unknown;
      try {
        seen = partialArguments(json.slice(0, i));
      } catch (error) {
        must(false, `the first ${i} characters threw: ${(error as Error).message}`);
      }
      if (i === 0)
        must(JSON.stringify(seen) === "{}", `an empty string read as ${JSON.stringify(seen)}, not {}`);
    }
    must(JSON.stringify(partialArguments(json)) === json, "the complete arguments must read exactly");
  },
});
