// In Chromium: the class's demo. Ask, kill the instance serving the stream
// mid-reply, and the page shows the stream move with 0 lost and 0 duplicated.
import { fileURLToPath } from "node:url";
import { createMockLlm, steadyTiming } from "@workshop/mock-llm";
import { metricValue } from "@workshop/page-kit";
import { describeInBrowser, describeWithRedis, freshPage, servePage, startServer } from "@workshop/testkit";
import { afterAll, afterEach, expect, it, onTestFinished } from "vitest";
import { type Balancer, createBalancer } from "../src/server/balancer.ts";
import { startInstanceInProcess } from "../src/server/instance-in-process.ts";

const root = fileURLToPath(new URL("..", import.meta.url));

describeWithRedis("lesson 07's page", (redis) => {
  let balancer: Balancer | undefined;
  // The instances' one model, as they would share one provider: a test holds it mid-answer, so
  // its kill lands mid-reply on any machine, at a quick pace otherwise.
  const llm = createMockLlm({ timing: steadyTiming(2) });
  const served = servePage(root, async () => {
    const redisUrl = redis().url;
    balancer = await createBalancer({
      redisUrl,
      names: ["a", "b"],
      // In this process: a kill cuts every connection as SIGKILL would (Instance.kill), and a
      // restart takes milliseconds instead of a Node process's second of CPU. A real SIGKILL is
      // balancer.test.ts's. A lease renewed every 0.5 s, which a busy machine never lapses.
      startInstance: (name, port) => startInstanceInProcess(name, port, { redisUrl, llm, leaseMs: 1500 }),
    });
    const running = await startServer(balancer.server);
    return { url: running.url, close: running.close };
  });
  afterAll(async () => {
    await balancer?.shutdown();
  });

  describeInBrowser("in Chromium", (browser) => {
    const page = freshPage(browser, () => served.site.url);
    const metric = (name: string) => page.locator(metricValue(name)).textContent();
    afterEach(() => llm.release()); // a test that held the model and failed must not hold the next

    /** A test that failed after its kill still leaves every instance up for the next one. */
    const restartIfDown = async (name: string) => {
      if (balancer?.instances().find((instance) => instance.name === name)?.up === false)
        await balancer.start(name);
    };

    // A kill, a resume and a 3 s reply each: a hang guard longer than the suite's 15 s.
    const LONG = { timeout: 30_000 };

    it(
      "killing the instance that serves the reply moves the stream to another: 0 lost, 0 duplicated",
      LONG,
      async () => {
        await page.getByRole("button", { name: "Kill a" }).waitFor();
        llm.hold(12);
        await page.getByRole("button", { name: "Ask" }).click();
        await expect.poll(async () => Number(await metric("tokens")), { timeout: 10_000 }).toBe(12);
        const serving = (await metric("served by"))?.trim() ?? "";
        onTestFinished(() => restartIfDown(serving)); // the next test needs every instance up
        await page.getByRole("button", { name: `Kill ${serving}` }).click();
        llm.release();
        await page.getByRole("status").getByText("done (complete)").waitFor({ timeout: 15_000 });
        expect(await metric("duplicated")).toBe("0");
        expect(await metric("missing")).toBe("0");
        expect(await metric("served by")).toMatch(new RegExp(`^${serving} → [abc]$`));
        await page.getByRole("button", { name: `Start ${serving}` }).click();
        await page.getByRole("button", { name: `Kill ${serving}` }).waitFor();
      },
    );

    it(
      "killing the instance that generates says `interrupted`, and Continue asks a new generation for the rest",
      LONG,
      async () => {
        await page.getByRole("button", { name: "Kill a" }).waitFor();
        llm.hold(8);
        await page.getByRole("button", { name: "Ask" }).click();
        await expect.poll(async () => Number(await metric("tokens")), { timeout: 10_000 }).toBe(8);
        const jobId = await page.locator("#reply").getAttribute("data-job");
        const { owner } = (await (await fetch(`${served.lesson.url}/api/jobs/${jobId}`)).json()) as {
          owner: string;
        };
        onTestFinished(() => restartIfDown(owner));
        await page.getByRole("button", { name: `Kill ${owner}` }).click();
        await page
          .getByRole("status")
          .getByText(/^interrupted/)
          .waitFor({ timeout: 10_000 });
        const partial = await page.locator("#reply .generation").first().innerHTML();
        llm.release(); // the new generation runs to its end
        await page.getByRole("button", { name: "Continue" }).click();
        await page.getByRole("status").getByText("done (complete)").waitFor({ timeout: 15_000 });
        const blocks = page.locator("#reply .generation");
        expect(await blocks.first().innerHTML()).toBe(partial); // kept as it was…
        expect(await blocks.count()).toBe(2); // …then the new generation, after its marker
        await page.getByRole("button", { name: `Start ${owner}` }).click();
        await page.getByRole("button", { name: `Kill ${owner}` }).waitFor();
      },
    );
  });
});
