import { describe, expect, it } from "vitest";
import { followUpProblems, loadQuestionBank, parseInterview, problemsOf } from "../interview.ts";

const bank = loadQuestionBank();

describe("the interview question bank (lessons/*/INTERVIEW.md)", () => {
  it("has questions", () => {
    expect(bank.length).toBeGreaterThan(0);
  });

  it.each(bank.map((q) => [`${q.lesson}#${q.id}`, q] as const))(
    "%s has both languages, a difficulty, three key points and a proof that exists",
    (_name, question) => {
      expect(problemsOf(question)).toEqual([]);
    },
  );

  it("gives every follow-up (追问) a question of its own lesson to follow, and no question more than three", () => {
    expect(followUpProblems(bank)).toEqual([]);
  });

  it("gives every question a unique id within its lesson", () => {
    const ids = bank.map((q) => `${q.lesson}#${q.id}`);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe("the integrity check itself", () => {
  const sample = (prove: string) => `## sample

- difficulty: easy
- prove: \`${prove}\`

### Question

Q?

### 问题

问？

### Key points

- a
- b
- c

### 要点

- 甲
- 乙
- 丙
`;

  it("accepts a proof naming a real test", () => {
    const [q] = parseInterview(
      "01-polling",
      sample('pnpm vitest run scripts/test/interview.test.ts -t "accepts a proof"'),
    );
    expect(q && problemsOf(q)).toEqual([]);
  });

  it("fails a proof whose test was renamed or never existed", () => {
    const [q] = parseInterview(
      "01-polling",
      sample('pnpm vitest run scripts/test/interview.test.ts -t "no such test"'),
    );
    expect(q && problemsOf(q)).toEqual([expect.stringMatching(/no test .* matches/)]);
  });

  it("reads `- follows:` as a follow-up of that question, and fails one that follows nothing", () => {
    const markdown = `${sample('pnpm vitest run scripts/test/interview.test.ts -t "accepts a proof"')}\n${sample(
      'pnpm vitest run scripts/test/interview.test.ts -t "accepts a proof"',
    )
      .replace("## sample", "## sample-why")
      .replace("- difficulty: easy", "- difficulty: easy\n- follows: sample")}`;
    const parsed = parseInterview("01-polling", markdown);
    expect(parsed.map((q) => q.follows)).toEqual([undefined, "sample"]);
    expect(followUpProblems(parsed)).toEqual([]);
    const orphan = parsed.map((q) => (q.follows ? { ...q, follows: "nothing" } : q));
    expect(followUpProblems(orphan)).toEqual([expect.stringMatching(/follows nothing/)]);
  });

  it("fails a proof pointing at a missing file or script", () => {
    const [a] = parseInterview("x", sample('pnpm vitest run nowhere.test.ts -t "x"'));
    const [b] = parseInterview("x", sample("pnpm frobnicate"));
    expect(a && problemsOf(a)).toEqual([expect.stringMatching(/does not exist/)]);
    expect(b && problemsOf(b)).toEqual([expect.stringMatching(/neither/)]);
  });
});
