// Every sentence `pnpm dev` and `pnpm exercise` print, in English and 中文.
//
// To add a string: add it to `en` below, then to `zh` (TypeScript refuses a
// catalogue with a key missing in either, and scripts/test/cli-messages.test.ts
// checks that both say it with the same commands and values). Code, commands and
// ids stay as they are in both languages; only the words around them change.
import type { CliLanguage } from "./language.ts";

const en = {
  // pnpm dev
  noLessons: () => "No lessons yet: lessons/ has no NN-slug folders. The foundation (shared/) is in place.",
  howToChoose: (number: string, slug: string) =>
    `Start one with \`pnpm dev <number or name>\`, e.g. \`pnpm dev ${number}\` or \`pnpm dev ${slug}\`.`,
  noMatch: (query: string) => `No lesson matches "${query}"`,
  severalMatch: (query: string) => `"${query}" matches several lessons`,
  theLessonsAre: (problem: string) => `${problem}. The lessons are:`,
  theLessons: () => "The lessons:",
  whichLesson: () => "Which lesson?",
  starting: (folder: string, url: string) => `▶ Lesson ${folder}: open ${url}`,
  exercisesDone: (done: number, total: number) => `exercises ${done}/${total} done (pnpm exercise)`,
  stubNotice: (id: string) =>
    `⚠ ${id}'s starting code is in place: the lesson runs your exercise code (\`pnpm exercise reset ${id}\` brings the lesson's back).`,
  portsBusy: (lesson: string, busy: string[], number: string, api: number, page: number) =>
    `Lesson ${lesson} can't start: ${busy.join(" and ")} ${busy.length > 1 ? "are" : "is"} busy.\n` +
    `Is lesson ${number} already running in another terminal? Stop it, or choose free ports:\n` +
    `  PORT=${api + 100} PAGE_PORT=${page + 100} pnpm dev ${number}`,
  apiPort: (port: number) => `API port ${port} (PORT)`,
  pagePort: (port: number) => `page port ${port} (PAGE_PORT)`,

  // pnpm exercise
  whichExercise: () =>
    "Which exercise? Give its id, e.g. `pnpm exercise check 02.1` (list: `pnpm exercise`).",
  noExercise: (id: string) => `No exercise "${id}". The list: \`pnpm exercise\`.`,
  lessonHeading: (lesson: string) => `Lesson ${lesson}`,
  status: (status: "todo" | "started" | "done"): string => status,
  current: () => "← current",
  stubInList: () => "(its starting code is in place)",
  startOne: () => "Start one with `pnpm exercise <id>`, e.g. `pnpm exercise 02.1`.",
  writeYourCodeIn: () => "Write your code in:",
  between: (region: string) => `(between \`// #region ${region}\` and \`// #endregion\`)`,
  taskFooter: () =>
    "Check: `pnpm exercise check` · a hint: `pnpm exercise hint` · the answer: `pnpm exercise solution`",
  attemptSaved: (backup: string) => `Your earlier attempt is saved in ${backup}.`,
  otherStub: (id: string, lesson: string) =>
    `Note: ${id}'s starting code is still in place too (lesson ${lesson}'s tests fail until it is done): \`pnpm exercise reset ${id}\` brings the lesson's code back.`,
  hint: (shown: number, total: number, id: string) => `Hint ${shown} of ${total} for ${id}:`,
  lastHint: (id: string) => `That was the last hint. The answer: \`pnpm exercise solution ${id}\`.`,
  catchUp: (id: string) => `Catch up: \`pnpm exercise solution ${id} --apply\` (your attempt is backed up).`,
  solutionInPlace: (id: string, backup?: string) =>
    `${id}: the solution is in place.${backup ? ` Your attempt is saved in ${backup}.` : ""}`,
  resetOne: (id: string, files: string, backup?: string) =>
    `${id}: back to the lesson's code in ${files}${backup ? ` (your attempt is saved in ${backup})` : ""}.`,
  allFinished: () => "Every lesson file is already the lesson's own code.",
  passes: (id: string) =>
    `✅ ${id} passes. Compare with the lesson's own code: \`pnpm exercise solution ${id}\`; then \`pnpm exercise reset\`.`,
  notYet: (id: string) =>
    `Not yet: the messages above say what is missing. Stuck? \`pnpm exercise hint ${id}\``,
  leftAsIs: (id: string) =>
    `${id}'s code stays as you left it: \`pnpm exercise ${id}\` to go on, \`pnpm exercise reset\` for the lesson's code.`,
};

export type CliMessages = typeof en;

const zh: CliMessages = {
  // pnpm dev
  noLessons: () => "还没有课程：lessons/ 下没有 NN-slug 形式的文件夹。基础部分（shared/）已经就绪。",
  howToChoose: (number, slug) =>
    `用 \`pnpm dev <编号或名称>\` 启动一课，例如 \`pnpm dev ${number}\` 或 \`pnpm dev ${slug}\`。`,
  noMatch: (query) => `没有课程匹配 "${query}"`,
  severalMatch: (query) => `"${query}" 匹配到多节课`,
  theLessonsAre: (problem) => `${problem}。课程有：`,
  theLessons: () => "课程：",
  whichLesson: () => "学哪一课？",
  starting: (folder, url) => `▶ 课程 ${folder}：打开 ${url}`,
  exercisesDone: (done, total) => `练习完成 ${done}/${total}（pnpm exercise）`,
  stubNotice: (id) =>
    `⚠ ${id} 的起始代码还在：这节课运行的是你的练习代码（\`pnpm exercise reset ${id}\` 可以换回课程代码）。`,
  portsBusy: (lesson, busy, number, api, page) =>
    `课程 ${lesson} 无法启动：${busy.join("和")}被占用。\n` +
    `是不是第 ${number} 课已经在另一个终端里运行？先停掉它，或者换一组空闲端口：\n` +
    `  PORT=${api + 100} PAGE_PORT=${page + 100} pnpm dev ${number}`,
  apiPort: (port) => `API 端口 ${port}（PORT）`,
  pagePort: (port) => `页面端口 ${port}（PAGE_PORT）`,

  // pnpm exercise
  whichExercise: () => "做哪个练习？请给出编号，例如 `pnpm exercise check 02.1`（列表：`pnpm exercise`）。",
  noExercise: (id) => `没有编号为 "${id}" 的练习。列表：\`pnpm exercise\`。`,
  lessonHeading: (lesson) => `课程 ${lesson}`,
  status: (status) => ({ todo: "未开始", started: "进行中", done: "已完成" })[status],
  current: () => "← 当前",
  stubInList: () => "（起始代码还在）",
  startOne: () => "用 `pnpm exercise <编号>` 开始一个练习，例如 `pnpm exercise 02.1`。",
  writeYourCodeIn: () => "在这里写代码：",
  between: (region) => `（在 \`// #region ${region}\` 和 \`// #endregion\` 之间）`,
  taskFooter: () =>
    "检查：`pnpm exercise check` · 提示：`pnpm exercise hint` · 答案：`pnpm exercise solution`",
  attemptSaved: (backup) => `你之前写的代码保存在 ${backup}。`,
  otherStub: (id, lesson) =>
    `注意：${id} 的起始代码也还在（完成之前，第 ${lesson} 课的测试会失败）：\`pnpm exercise reset ${id}\` 可以换回课程代码。`,
  hint: (shown, total, id) => `${id} 的提示 ${shown}/${total}：`,
  lastHint: (id) => `这是最后一条提示。答案：\`pnpm exercise solution ${id}\`。`,
  catchUp: (id) => `想直接跟上进度：\`pnpm exercise solution ${id} --apply\`（你写的代码会先备份）。`,
  solutionInPlace: (id, backup) => `${id}：已换成参考答案。${backup ? `你写的代码保存在 ${backup}。` : ""}`,
  resetOne: (id, files, backup) =>
    `${id}：${files} 已换回课程代码${backup ? `（你写的代码保存在 ${backup}）` : ""}。`,
  allFinished: () => "所有课程文件都已经是课程自己的代码。",
  passes: (id) =>
    `✅ ${id} 通过了。和课程代码对比一下：\`pnpm exercise solution ${id}\`；然后 \`pnpm exercise reset\`。`,
  notYet: (id) => `还没通过：上面的信息说明了还缺什么。卡住了？\`pnpm exercise hint ${id}\``,
  leftAsIs: (id) =>
    `${id} 的代码保持你离开时的样子：\`pnpm exercise ${id}\` 继续，\`pnpm exercise reset\` 换回课程代码。`,
};

export const CATALOGUE: Record<CliLanguage, CliMessages> = { en, zh };

export const messagesIn = (language: CliLanguage): CliMessages => CATALOGUE[language];
