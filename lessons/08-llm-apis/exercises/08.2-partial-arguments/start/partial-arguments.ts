/** The arguments so far, as an object: `{"city":"Hang` already shows city: "Hang". */
export function partialArguments(json: string): unknown {
  // 💣 JSON.parse throws on every piece but the last, so the page shows raw text
  //    until the call is complete: the "filling in" the lesson promised never happens.
  // 🐨 Read what is there with the `partial-json` library (already imported above),
  //    letting every kind of value (string, number, object, array) be unfinished.
  // 🐨 Nothing received yet is an empty object (nothing to show), and text that is not
  //    even partial JSON (it happens with some models) is shown as it is: keep the catch.
  try {
    return JSON.parse(json);
  } catch {
    return json;
  }
}
