// The tools the model may call. They run here, on the server, never in the
// browser: deterministic on purpose, so every run of the lesson agrees.
import type { ToolSpec } from "./adapters/adapter.ts";

export const TOOLS: ToolSpec[] = [
  {
    name: "get_weather",
    description: "Today's weather in a city (a fixed table: this is a workshop).",
    parameters: { type: "object", properties: { city: { type: "string" } }, required: ["city"] },
  },
  {
    name: "calculator",
    description: "Evaluates + - * / and parentheses on numbers.",
    parameters: { type: "object", properties: { expression: { type: "string" } }, required: ["expression"] },
  },
];

const WEATHER: Record<string, { condition: string; celsius: number }> = {
  hangzhou: { condition: "light rain", celsius: 14 },
  beijing: { condition: "sunny", celsius: 6 },
  shanghai: { condition: "cloudy", celsius: 12 },
};

/** A tiny recursive-descent parser: never eval() what a model wrote. */
function calculate(expression: string): number {
  const tokens = expression.match(/\d+(?:\.\d+)?|[-+*/()]/g) ?? [];
  if (tokens.join("") !== expression.replace(/\s+/g, "")) throw new Error("only numbers, + - * / and ( )");
  let at = 0;
  const atom = (): number => {
    const token = tokens[at++];
    if (token === "(") {
      const value = sum();
      if (tokens[at++] !== ")") throw new Error("missing )");
      return value;
    }
    if (token === "-") return -atom();
    if (token === undefined || Number.isNaN(Number(token))) throw new Error(`unexpected ${token ?? "end"}`);
    return Number(token);
  };
  const product = (): number => {
    let value = atom();
    while (tokens[at] === "*" || tokens[at] === "/")
      value = tokens[at++] === "*" ? value * atom() : value / atom();
    return value;
  };
  const sum = (): number => {
    let value = product();
    while (tokens[at] === "+" || tokens[at] === "-")
      value = tokens[at++] === "+" ? value + product() : value - product();
    return value;
  };
  const value = sum();
  if (at !== tokens.length) throw new Error(`unexpected ${tokens[at]}`);
  return value;
}

/** Runs a tool; a bad call is an answer the model can read, not a crash. */
export function runTool(name: string, input: unknown): unknown {
  const args = (input ?? {}) as Record<string, unknown>;
  try {
    if (name === "get_weather") {
      const city = String(args.city ?? "");
      return { city, ...(WEATHER[city.toLowerCase()] ?? { condition: "unknown", celsius: null }) };
    }
    if (name === "calculator")
      return { expression: args.expression, value: calculate(String(args.expression ?? "")) };
    return { error: `no tool named ${name}` };
  } catch (error) {
    return { error: (error as Error).message };
  }
}
