// A tool call's arguments while they stream: JSON text that is not valid
// until its last piece. JSON.parse throws on every piece but the last; a
// partial-JSON parser (the `partial-json` library) reads what is there.
import { Allow, parse } from "partial-json";

// #region partial-arguments
/** The arguments so far, as an object: `{"city":"Hang` already shows city: "Hang". */
export function partialArguments(json: string): unknown {
  if (json.trim() === "") return {};
  try {
    return parse(json, Allow.ALL);
  } catch {
    return json; // not even partial JSON yet: show the raw text
  }
}
// #endregion
