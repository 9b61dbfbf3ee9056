import { Injectable } from "@nestjs/common";
import { block, allow } from "../../src/index.js";
import { OnTencentCallback, OnTrtcEvent, type TencentCallbackEvent, type TrtcEvent } from "../../adapters/nestjs/index.js";

/** Handlers are provider methods; the decorator checks each method against its command's event type. */
@Injectable()
export class TencentHandlers {
  @OnTencentCallback("Live.CallbackAfterDestroyRoom")
  roomClosed(event: TencentCallbackEvent<"Live.CallbackAfterDestroyRoom">) {
    console.log(`room closed: Owner_Account ${JSON.stringify(event.payload.RoomInfo?.Owner_Account)}`); // a string, exact
  }

  @OnTencentCallback("C2C.CallbackBeforeSendMsg")
  moderate(event: TencentCallbackEvent<"C2C.CallbackBeforeSendMsg">) {
    // A "before" callback: the return value is the reply.
    return event.payload.From_Account === "spammer" ? block(120001, "blocked") : allow();
  }

  @OnTrtcEvent("EnterRoom")
  entered(event: TrtcEvent<"EnterRoom">) {
    console.log(`${event.payload.EventInfo.UserId} entered ${event.payload.EventInfo.RoomId}`);
  }
}
