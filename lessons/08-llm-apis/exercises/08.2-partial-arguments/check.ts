import { defineChecks, type LessonCode, must } from "@workshop/exercises";
import type * as Partial from "../../src/client/partial-arguments.ts";

const load = async (code: LessonCode) =>
  (await code.load<typeof Partial>("src/client/partial-arguments.ts")).partialArguments;

/** Each step's name for `pnpm exercise check --lang zh`. */
export const namesZh = {
  'half a string is already a value: {"city":"Hang shows city Hang':
    '半个字符串就已经是一个值：{"city":"Hang 显示为 city Hang',
  "every prefix of the arguments reads without throwing, and the last one whole":
    "参数的每一个前缀都能读出而不抛异常，最后一个读出完整的值",
};

export default defineChecks({
  'half a string is already a value: {"city":"Hang shows city Hang': async (code) => {
    const partialArguments = await load(code);
    const seen = partialArguments('{"city":"Hang');
    must(JSON.stringify(seen) === '{"city":"Hang"}', {
      en: `{"city":"Hang read as ${JSON.stringify(seen)}: parse partial JSON`,
      zh: `{"city":"Hang 读出来是 ${JSON.stringify(seen)}：要解析不完整的（partial）JSON`,
    });
  },

  "every prefix of the arguments reads without throwing, and the last one whole": async (code) => {
    const partialArguments = await load(code);
    const json = '{"expression":"12 * (3 + 4)","precise":true,"n":[1,2]}';
    for (let i = 0; i <= json.length; i++) {
      let seen: unknown;
      try {
        seen = partialArguments(json.slice(0, i));
      } catch (error) {
        must(false, {
          en: `the first ${i} characters threw: ${(error as Error).message}`,
          zh: `前 ${i} 个字符抛出了异常：${(error as Error).message}`,
        });
      }
      if (i === 0)
        must(JSON.stringify(seen) === "{}", {
          en: `an empty string read as ${JSON.stringify(seen)}, not {}`,
          zh: `空字符串读出来是 ${JSON.stringify(seen)}，而不是 {}`,
        });
    }
    must(JSON.stringify(partialArguments(json)) === json, {
      en: "the complete arguments must read exactly",
      zh: "完整的参数必须原样读出",
    });
  },
});
