// Builds the decks as `pnpm slides` would serve them, then opens each in Chromium.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describeInBrowser, type Page } from "@workshop/testkit";
import { build, createServer, type PreviewServer, preview, type ViteDevServer } from "vite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decksPlugin } from "../src/decks-plugin.ts";

const slidesRoot = fileURLToPath(new URL("..", import.meta.url));
const repoRoot = join(slidesRoot, "..");
const deckFiles = readdirSync(join(slidesRoot, "decks"));
const deckNames = deckFiles.filter((f) => /^\d{2}-[\w-]+\.md$/.test(f)).map((f) => f.replace(/\.md$/, ""));
/** The decks with a Chinese twin (NN-slug.zh-CN.md), shown with ?lang=zh. */
const chineseDecks = deckNames.filter((name) => deckFiles.includes(`${name}.zh-CN.md`));
// Every build this file makes goes under one temporary folder, removed after its tests.
/**
 * The smallest text a slide may show, as projected at 1280×720: a deck is read from further
 * back than a lesson page (testkit's MIN_TEXT_PX, 14), so its floor is higher.
 */
const MIN_SLIDE_TEXT_PX = 16;

/** In the page: walks every slide of the open deck and says which do not fit a 1280×720 projector. */
const MEASURE_SLIDES = async (minTextPx: number) => {
  type RevealApi = {
    getSlides(): HTMLElement[];
    slide(h: number, v?: number): void;
    getIndices(slide: HTMLElement): { h: number; v?: number };
    configure(options: object): void;
  };
  const { reveal, deckReady } = window as unknown as { reveal: RevealApi; deckReady: Promise<void> };
  await deckReady;
  reveal.configure({ transition: "none", backgroundTransition: "none" }); // measure where it lands
  const problems: string[] = [];
  for (const slide of reveal.getSlides()) {
    const { h, v } = reveal.getIndices(slide);
    // Measured without waiting for a frame: reading a box makes the browser lay the slide out
    // there and then (transitions are off), and painting every slide cost half the file's CPU.
    reveal.slide(h, v);
    // The slide's frame on screen: reveal scales 1280×800 down to fit 1280×720.
    const frame = (document.querySelector(".reveal .slides") as HTMLElement).getBoundingClientRect();
    const title = slide.querySelector("h2, h1")?.textContent ?? `slide ${h}`;
    // The back row: no text smaller than the decks' minimum, as projected (reveal's scale included).
    const scale = frame.width / (document.querySelector(".reveal .slides") as HTMLElement).offsetWidth;
    const walker = document.createTreeWalker(slide, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim();
      const element = node.parentElement;
      if (!text || !element || element.closest("aside.notes")) continue;
      const px = Number.parseFloat(getComputedStyle(element).fontSize) * scale;
      if (px < minTextPx) {
        problems.push(`${title}: "${text.slice(0, 30)}" is ${px.toFixed(1)}px, under ${minTextPx}px`);
        break;
      }
    }
    // Nothing wider than the slide, and no code line whose end is hidden.
    for (const wide of slide.querySelectorAll<HTMLElement>("table, pre code")) {
      const box = wide.getBoundingClientRect();
      if (box.right > frame.right + 1 || wide.scrollWidth > wide.clientWidth + 1)
        problems.push(`${title}: a ${wide.tagName.toLowerCase()} wider than the slide`);
    }
    for (const pre of slide.querySelectorAll("pre")) {
      const box = pre.getBoundingClientRect();
      const code = pre.querySelector("code");
      if (box.bottom > frame.bottom + 1 || box.right > frame.right + 1)
        problems.push(
          `${title}: off the slide (${Math.round(box.bottom - frame.bottom)}px below, ${Math.round(box.right - frame.right)}px right)`,
        );
      if (!code || code.scrollHeight <= code.clientHeight + 1) continue;
      // Taller than its box: it must be walked in steps that each fit.
      const lineHeight = Number.parseFloat(getComputedStyle(code).lineHeight);
      const visible = Math.floor((code.clientHeight - 16) / lineHeight);
      const steps = (code.getAttribute("data-line-numbers") ?? "").split("|").filter(Boolean);
      if (steps.length === 0)
        problems.push(`${title}: ${code.scrollHeight - code.clientHeight}px of code hidden`);
      for (const step of steps) {
        const [from = 0, to = from] = step.split("-").map(Number);
        if (to - from + 1 > visible) problems.push(`${title}: step ${step} is taller than ${visible} lines`);
      }
    }
  }
  return problems;
};

const scratch = mkdtempSync(join(tmpdir(), "slides-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const outDir = join(scratch, "built");
const quiet = { logLevel: "silent" as const, configLoader: "runner" as const };

describe("the slides build", () => {
  it("has a deck for every lesson", () => {
    const lessons = readdirSync(join(repoRoot, "lessons")).filter((f) => /^\d{2}-/.test(f));
    expect(deckNames).toEqual(expect.arrayContaining(lessons));
  });

  it("fails when a deck includes a region that no longer exists", async () => {
    const decksDir = join(scratch, "broken-decks");
    mkdirSync(decksDir, { recursive: true });
    writeFileSync(
      join(decksDir, "01-broken.md"),
      "# Broken\n\n<<< lessons/01-polling/src/protocol.ts#no-such-region\n",
    );
    await expect(
      build({
        ...quiet,
        configFile: false,
        root: slidesRoot,
        plugins: [decksPlugin({ decksDir, repoRoot })],
        build: { outDir: join(scratch, "broken-built"), write: false },
      }),
    ).rejects.toThrow(/no "#region no-such-region"/);
  });
});

// Both what `vite build` produces and what `pnpm slides` (the dev server) serves.
let built: PreviewServer | undefined;
let dev: ViteDevServer | undefined;
const servers: Record<string, string> = {};
beforeAll(async () => {
  await build({ ...quiet, root: slidesRoot, build: { outDir, emptyOutDir: true } });
  built = await preview({
    ...quiet,
    root: slidesRoot,
    build: { outDir },
    preview: { port: 0, strictPort: false },
  });
  servers.build = built.resolvedUrls?.local[0] ?? "";
  dev = await createServer({
    ...quiet,
    root: slidesRoot,
    server: { port: 0, strictPort: false, hmr: false },
  });
  await dev.listen();
  servers.dev = dev.resolvedUrls?.local[0] ?? "";
}, 60_000);
afterAll(async () => {
  await built?.close();
  await dev?.close();
});

describeInBrowser("the slides in Chromium", (browser) => {
  async function open(path: string, server = "build"): Promise<{ page: Page; errors: string[] }> {
    const page = await browser().newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });
    await page.goto(new URL(path, servers[server]).href);
    return { page, errors };
  }

  it("the index links to every deck", async () => {
    const { page, errors } = await open("./index.html");
    const links = await page.locator("#decks a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    expect(links).toEqual(deckNames.map((name) => `./deck.html?deck=${name}`));
    expect(errors).toEqual([]);
    await page.close();
  });

  // One deck after another in one tab: side by side they cost the same CPU, and on a busy
  // machine nine decks waiting on each other ran past a test's timeout.
  let tab: { page: Page; errors: string[] } | undefined;
  afterAll(() => tab?.page.close());

  /** Opens a deck at 1280×720 in the file's one deck tab, and lists each slide that does not fit the back row. */
  async function projectDeck(name: string, lang: "en" | "zh") {
    tab ??= await open("./index.html");
    const { page, errors } = tab;
    errors.length = 0;
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(new URL(`./deck.html?deck=${name}&lang=${lang}`, servers.build).href);
    await page.waitForFunction(() => "deckReady" in window);
    // The build renders this deck's first slide, and it has code: one pass per deck on the build server.
    const title = (await page.locator(".reveal .slides section.present h1").first().textContent()) ?? "";
    const firstSlide = (await page.locator(".reveal .slides section.present").first().textContent()) ?? "";
    const codeBlocks = await page.locator(".reveal pre code").count();
    const overflowing = await page.evaluate(MEASURE_SLIDES, MIN_SLIDE_TEXT_PX);
    return { title, firstSlide, codeBlocks, overflowing, errors };
  }

  it.for(deckNames)(
    "deck %s: on a 1280×720 projector every slide's code and tables fit, and no text is too small for the back row",
    async (name, { expect }) => {
      const { title, codeBlocks, overflowing, errors } = await projectDeck(name, "en");
      expect(title).toMatch(new RegExp(`^${name.slice(0, 2)}`));
      expect(codeBlocks).toBeGreaterThan(0);
      expect(overflowing).toEqual([]);
      expect(errors).toEqual([]);
    },
  );

  it.for(chineseDecks)(
    "deck %s in Chinese (?lang=zh): its own slides, each fitting the projector like the English",
    async (name, { expect }) => {
      const { title, firstSlide, codeBlocks, overflowing, errors } = await projectDeck(name, "zh");
      expect(title).toMatch(new RegExp(`^${name.slice(0, 2)} `));
      expect(firstSlide).toMatch(/[\u4e00-\u9fff]/); // the Chinese deck, not the English
      expect(codeBlocks).toBeGreaterThan(0);
      expect(overflowing).toEqual([]);
      expect(errors).toEqual([]);
    },
  );

  it("the index in Chinese lists each deck by its Chinese title, and keeps the choice for the decks", async () => {
    const { page, errors } = await open("./index.html?lang=zh");
    const titles = await page.locator("#decks a").allTextContents();
    const titleOf = (name: string) => {
      const twin = deckFiles.includes(`${name}.zh-CN.md`) ? `${name}.zh-CN.md` : `${name}.md`;
      return /^# (.+)$/m.exec(readFileSync(join(slidesRoot, "decks", twin), "utf8"))?.[1];
    };
    expect(titles).toEqual(deckNames.map(titleOf));
    expect(await page.title()).toBe("流式输出工作坊 · 幻灯片"); // the tab's title too
    await page.locator("#decks a").first().click();
    await page.locator(".reveal .slides section.present h1").first().waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("zh-CN"); // the choice, kept
    await page.getByRole("link", { name: "EN" }).click(); // the switch back, for the tabs that follow
    await page.waitForFunction(() => document.documentElement.lang === "en");
    expect(errors).toEqual([]);
    await page.close();
  });

  // Every deck's pass is on the build server, above. The dev server (`pnpm slides`, used in
  // class) runs the same decks plugin on request, so one deck proves that path: the newest.
  const newest = deckNames.at(-1) as string;
  it(`deck ${newest} renders its first slide without errors on the dev server too`, async () => {
    const name = newest;
    const { page, errors } = await open(`./deck.html?deck=${name}`, "dev");
    const title = page.locator(".reveal .slides section.present h1").first();
    await title.waitFor({ timeout: 10_000 });
    expect(await title.textContent()).toMatch(new RegExp(`^${name.slice(0, 2)}`));
    expect(await page.locator(".reveal pre code").count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
