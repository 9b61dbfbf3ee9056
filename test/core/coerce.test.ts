import { describe, expect, it } from "vitest";
import { registry } from "../../schemas/index.js";
import { compileCoercer } from "../../src/json/coerce.js";
import { validatorFor } from "../../src/pipeline/validate.js";

const live = registry.get("Live.CallbackAfterDestroyRoom")!;
const threshold = registry.get("Live.CallbackAfterCreateRoomReachingThreshold")!;

describe("schema-driven coercion of Tencent's documented type mismatches", () => {
  it("turns numeric IDs into strings (Owner_Account, Operator_Account, RoomId)", async () => {
    const payload = { CallbackCommand: live.command, RoomId: 42, EventTime: 1, Operator_Account: 7, RoomInfo: { Owner_Account: 12345 } };
    expect((await validatorFor(live))(payload)).toBeUndefined();
    expect(payload).toEqual({ CallbackCommand: live.command, RoomId: "42", EventTime: 1, Operator_Account: "7", RoomInfo: { Owner_Account: "12345" } });
  });

  it('turns "400" / "500" into numbers for CurRoomCount / MaxRoomCount', async () => {
    const payload = { CallbackCommand: threshold.command, EventTime: "1739966441121", CurRoomCount: "400", MaxRoomCount: "500" };
    expect((await validatorFor(threshold))(payload)).toBeUndefined();
    expect(payload).toMatchObject({ EventTime: 1739966441121, CurRoomCount: 400, MaxRoomCount: 500 });
  });

  it("coerces nothing else: null, booleans, fractions and unsafe integers stay and fail validation", async () => {
    for (const CurRoomCount of [null, true, "4.5", "400 rooms", "144115216631667826"]) {
      const payload = { CallbackCommand: threshold.command, EventTime: 1, CurRoomCount, MaxRoomCount: 500 };
      const errors = (await validatorFor(threshold))(payload);
      expect(errors?.[0]?.instancePath).toBe("/CurRoomCount");
      expect(payload.CurRoomCount).toBe(CurRoomCount);
    }
  });

  it("coerces array items and leaves unknown fields untouched", () => {
    const coerce = compileCoercer({ type: "object", properties: { ids: { type: "array", items: { type: "string" } } } })!;
    const payload = { ids: [1, "2", 3], extra: { Owner_Account: 5 } };
    coerce(payload);
    expect(payload).toEqual({ ids: ["1", "2", "3"], extra: { Owner_Account: 5 } });
  });

  it("validation passes unknown fields through", async () => {
    const payload = { CallbackCommand: live.command, RoomId: "r", EventTime: 1, NewField2027: { a: 1 } };
    expect((await validatorFor(live))(payload)).toBeUndefined();
    expect(payload.NewField2027).toEqual({ a: 1 });
  });
});
