/**
 * examples/dashboard in a real browser: Debian's Chromium (never a downloaded one), driven by
 * playwright-core, against a real redis-server. A callback whose handler fails shows up on
 * bull-board's failed tab with the handler's own error; Retry there runs it again, and it is handled.
 */
import { existsSync } from "node:fs";
import { randomUUID } from "node:crypto";
import { chromium, type Browser, type Locator, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { start, type RunningDashboard } from "../../examples/dashboard/server.js";
import { signedRequest } from "../../src/testing/index.js";
import { waitFor } from "../queue/support.js";
import { APP_ID, TOKEN } from "../support/fixtures.js";
import { startRedis } from "../support/redis.js";

const CHROMIUM = "/usr/bin/chromium";
if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (.ci/run installs it)`);

const redis = await startRedis();
const name = `dashboard-${randomUUID()}`;
let app: RunningDashboard;
let browser: Browser;
const handled: string[] = [];
let failing = true;

beforeAll(async () => {
  app = await start({ host: "127.0.0.1", port: 0, sdkAppId: APP_ID, token: TOKEN, log: () => undefined, redisUrl: redis.url, queue: { name, attempts: 1 } });
  app.webhooks.on("Live.CallbackAfterDestroyRoom", (event) => {
    if (failing) throw new Error(`ledger offline while closing room ${event.payload.RoomId}`);
    handled.push(event.payload.RoomId);
  });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe("bull-board next to the webhook routes (examples/dashboard)", { timeout: 120_000 }, () => {
  it("/ready answers 200 with the queue's health while Redis is up", async () => {
    const response = await fetch(app.readyUrl);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ kind: "redis", reachable: true });
  });

  it("shows a failed callback with its stored error; Retry in the browser gets it handled", async () => {
    const request = signedRequest("Live.CallbackAfterDestroyRoom", { sdkAppId: APP_ID, token: TOKEN, path: "/tencent/callback" });
    const roomId = (JSON.parse(request.body) as { RoomId: string }).RoomId;
    const answer = await fetch(request.toRequest(new URL(app.url).origin));
    expect(answer.status).toBe(200);
    const [dead] = await waitFor(async () => {
      const list = await app.queue.failed();
      return list.length === 1 ? list : undefined;
    }, 30_000);
    // deliver() rejects with a DeliveryFailure whose cause is the handler's own error: that is what
    // the dead letter keeps (with its stack), not the dispatcher's summary.
    expect(dead!.error).toBe(`ledger offline while closing room ${roomId}`);
    expect(dead!.stack).toContain(`ledger offline while closing room ${roomId}`);

    const page = await browser.newPage();
    await page.goto(`${app.dashboardUrl}/queue/${encodeURIComponent(name)}?status=failed`);
    const error = page.getByText(dead!.error).first();
    await error.waitFor({ timeout: 30_000 });
    expect(await error.isVisible()).toBe(true);

    failing = false;
    await (await retryButton(page)).click();
    // bull-board asks first: "Are you sure that you want to retry this job?"
    await page.getByText("Are you sure that you want to retry this job?").waitFor({ timeout: 10_000 });
    await page.getByRole("button", { name: "Confirm", exact: true }).click();
    await waitFor(() => handled.includes(roomId), 30_000, "the retried callback handled");
    expect(handled).toEqual([roomId]);
    expect(await app.queue.failed()).toEqual([]);
    await page.close();
  });
});

/** The job card's Retry action: an icon button whose name is the tooltip it shows on hover. */
async function retryButton(page: Page): Promise<Locator> {
  const actions = page.locator('[class*="trigger-"] > button');
  for (let index = 0; index < (await actions.count()); index++) {
    const button = actions.nth(index);
    await button.hover();
    const tooltip = page.getByText("Retry", { exact: true });
    const shown = await tooltip.waitFor({ state: "visible", timeout: 3000 }).then(
      () => true,
      () => false,
    );
    if (shown) return button;
    await page.mouse.move(0, 0);
  }
  throw new Error("no Retry action on the failed job's card");
}
