/**
 * When a command's generated validator loads: as soon as `on()` registers a handler for it (so the
 * first callback does not wait for the module), else on the command's first callback; a load that
 * failed is tried again rather than failing that command for the life of the process.
 */
import { describe, expect, it, vi } from "vitest";
import { validatorLoaders } from "../../schemas/generated/validators.js";
import { callbackCatalogue } from "../../schemas/runtime.js";
import { createDispatcher } from "../../src/index.js";
import { validatorFor, validatorReady } from "../../src/pipeline/validate.js";
import { APP_ID, CALLBACK_PATH, SILENT_LOGGER, sampleOf, tencentQuery } from "../support/fixtures.js";

const definitionOf = (command: string) => callbackCatalogue.byName.get(command)!;

describe("validator loading", () => {
  it("on() loads its command's validator before any callback arrives; other commands stay unloaded", async () => {
    const registered = definitionOf("Room.CallbackAfterMemberEnter");
    const other = definitionOf("Room.CallbackAfterMemberLeave");
    expect(validatorReady(registered)).toBe(false);
    createDispatcher({ sdkAppId: APP_ID, logger: SILENT_LOGGER }).on("Room.CallbackAfterMemberEnter", () => {});
    await vi.waitFor(() => expect(validatorReady(registered)).toBe(true));
    expect(validatorReady(other)).toBe(false);
  });

  it("a validator that failed to load is loaded again by the next callback (500 once, then 200)", async () => {
    const command = "Room.CallbackAfterUpdateRoomInfo";
    const loaders = validatorLoaders as Record<string, () => Promise<unknown>>;
    const real = loaders[command]!;
    loaders[command] = () => Promise.reject(new Error("EMFILE: too many open files"));
    try {
      const reasons: string[] = [];
      const dispatcher = createDispatcher({ sdkAppId: APP_ID, logger: SILENT_LOGGER }).onAny(() => {});
      dispatcher.onError((error) => void reasons.push(error.reason));
      const post = () =>
        dispatcher.handle({
          method: "POST",
          url: `${CALLBACK_PATH}${tencentQuery({ command })}`,
          headers: { "content-type": "application/json" },
          body: sampleOf(command),
        });
      expect((await post()).status).toBe(500);
      loaders[command] = real;
      expect((await post()).status).toBe(200);
      expect(reasons).toEqual(["handler_failed"]);
      expect(typeof validatorFor(definitionOf(command))).toBe("function");
    } finally {
      loaders[command] = real;
    }
  });
});
