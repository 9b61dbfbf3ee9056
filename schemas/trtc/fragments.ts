/**
 * The TRTC event-callback envelope and the fields its groups share.
 *
 * Every event is `{EventGroupId, EventType, CallbackTs, EventInfo{…}}`; `defineCommand` adds the
 * two naming fields, `trtcEvent()` the rest. Tencent pretty-prints the body with tabs and newlines
 * and signs those raw bytes, so samples keep the page's layout.
 *
 * Types that the pages and the wire disagree on, and what is chosen here:
 * - `RoomId` is "String/Number" (the client's room ID type): typed string; a number arrives as its
 *   decimal string (64-bit exact).
 * - `EventTs` (seconds) is sometimes quoted (group 3 samples), `EventMsTs` is documented as a String
 *   in groups 7 and 9 but sent as a number: both typed integer (a decimal string becomes a number).
 */
import type { JsonSchema } from "../define.js";

type Properties = Record<string, JsonSchema>;

export const callbackTs = {
  type: "integer",
  description: "when the callback was sent, Unix milliseconds",
} as const;

export const roomId = {
  type: "string",
  description: "room ID, numeric or string as the client entered it (a number arrives as its decimal string)",
} as const;

export const eventTs = {
  type: "integer",
  description: "when the event happened, Unix seconds (kept for compatibility; prefer EventMsTs)",
} as const;

export const eventMsTs = { type: "integer", description: "when the event happened, Unix milliseconds" } as const;

export const taskId = { type: "string", description: "task ID, unique per task" } as const;

export interface TrtcEventOptions {
  /** `EventInfo`'s properties, exactly those the page documents. */
  readonly eventInfo: Properties;
  /** `EventInfo`'s required keys (kept minimal). */
  readonly required?: readonly string[];
  /** The page names the send time `CallbackMsTs` (groups 7 and 9): accept it beside `CallbackTs`. */
  readonly callbackMsTs?: boolean;
  /** The samples carry no `CallbackTs` (group 7 sends only `CallbackMsTs`). */
  readonly noCallbackTs?: boolean;
}

/** The body schema of one TRTC event: the envelope around the given `EventInfo`. */
export function trtcEvent({ eventInfo, required = [], callbackMsTs = false, noCallbackTs = false }: TrtcEventOptions): JsonSchema {
  return {
    required: ["EventInfo"],
    properties: {
      ...(noCallbackTs ? {} : { CallbackTs: callbackTs }),
      ...(callbackMsTs ? { CallbackMsTs: callbackTs } : {}),
      EventInfo: {
        type: "object",
        ...(required.length ? { required: [...required] } : {}),
        properties: eventInfo,
      },
    },
  };
}

/** An `EventInfo.Payload` object. */
export function payload(properties: Properties, required: readonly string[] = []): JsonSchema {
  return { type: "object", ...(required.length ? { required: [...required] } : {}), properties };
}

/** `{type: "integer", description}`, `{type: "string", description}`: the two shapes most fields take. */
export const int = (description: string) => ({ type: "integer", description }) as const;
export const str = (description: string) => ({ type: "string", description }) as const;

// Groups 1 (room) and 2 (media): trtc.io/document/39558.

const roomMediaInfo = { RoomId: roomId, EventTs: eventTs, EventMsTs: eventMsTs, UserId: str("user ID") } as const;

export const role = int("20 anchor (MEMBER_TRTC_ANCHOR) | 21 audience (MEMBER_TRTC_VIEWER)");

/** Group 1 (room events): the room fields, `UniqueId`, and what the event adds. */
export function roomEvent(extra: Properties = {}): JsonSchema {
  return trtcEvent({
    eventInfo: {
      ...roomMediaInfo,
      UniqueId: str(
        "identifies one entry/exit of a user across the duplicates a network switch or a restart causes; apps that started using callbacks after 2021-07-30 no longer receive it",
      ),
      ...extra,
    },
    required: ["RoomId"],
  });
}

/** Group 2 (media events): the room fields and what the event adds. */
export function mediaEvent(extra: Properties = {}): JsonSchema {
  return trtcEvent({ eventInfo: { ...roomMediaInfo, ...extra }, required: ["RoomId"] });
}

/** `Reason` on the stop events of group 2: the page documents none; its samples send 0. */
export const mediaStopReason = int("not documented for media events; the samples send 0");

/** One entry or exit of a user, retries included: TRTC sends no delivery id. */
export const userEventDedupe = ["EventInfo.RoomId", "EventInfo.UserId", "EventInfo.EventMsTs"] as const;
export const roomDedupe = ["EventInfo.RoomId", "EventInfo.EventMsTs"] as const;

// Groups 3 (cloud recording), 8 (web-page recording), 7 (stream ingest), 9 (AI service).

export const taskDedupe = ["EventInfo.TaskId", "EventInfo.EventMsTs"] as const;

/**
 * A task run by a robot that joins the room (cloud recording, slicing, moderation): the room, the
 * event's time, the robot's user ID, the task ID and the event's `Payload`.
 */
export function robotTaskEvent(robot: string, task: string, payloadProperties: Properties): JsonSchema {
  return trtcEvent({
    eventInfo: {
      RoomId: roomId,
      EventTs: eventTs,
      EventMsTs: eventMsTs,
      UserId: str(`user ID of the ${robot} robot`),
      TaskId: str(task),
      Payload: payload(payloadProperties),
    },
    required: ["RoomId", "TaskId"],
  });
}

/** Group 3 (cloud recording): trtc.io/document/54914. */
export function recordingEvent(payloadProperties: Properties): JsonSchema {
  return robotTaskEvent("recording", "recording task ID, unique per cloud recording task", payloadProperties);
}

export const trackType = str("audio | video | audio_video");
export const mediaId = str("main (camera) | aux (screen sharing) | mix (mixed-stream recording)");
export const recordedUserId = str("user ID of the recorded stream (empty in mixed-stream recording)");

/** Group 8 (web-page recording): trtc.io/document/54914. */
export function webRecorderEvent(status: string, eventMessage: string): JsonSchema {
  return trtcEvent({
    eventInfo: {
      EventMsTs: eventMsTs,
      TaskId: str("web-page recording task ID"),
      Payload: payload({ Status: int(status), EventMessage: str(eventMessage) }),
      EventMessage: str("listed at this level by the field table; the samples send it inside Payload"),
    },
    required: ["TaskId"],
  });
}

/** Group 7 (stream ingest): trtc.io/document/62717; the send time is `CallbackMsTs`. */
export function streamIngestEvent(status: string): JsonSchema {
  return trtcEvent({
    eventInfo: { EventMsTs: eventMsTs, TaskId: str("stream-ingest task ID"), Status: int(status) },
    required: ["TaskId"],
    callbackMsTs: true,
    noCallbackTs: true,
  });
}

/**
 * Group 9 (AI service): trtc.io/document/68331. The body table names the send time `CallbackMsTs`,
 * the samples send `CallbackTs`: both accepted.
 */
export function aiEvent(payloadProperties: Properties): JsonSchema {
  return trtcEvent({
    eventInfo: {
      EventMsTs: eventMsTs,
      TaskId: str("AI task ID"),
      RoomId: roomId,
      RoomIdType: int("0 numeric room ID | 1 string room ID"),
      Payload: payload(payloadProperties),
    },
    required: ["TaskId", "RoomId"],
    callbackMsTs: true,
  });
}

export const roundId = str("conversation round ID (a UUID)");

// Groups 10 (cloud slicing, trtc.io/document/73393) and 11 (cloud moderation, trtc.io/document/73394).

/** Group 10: a slicing robot's task (audio slices, video screenshots). */
export const sliceEvent = (payloadProperties: Properties) => robotTaskEvent("slicing", "slicing task ID, unique per cloud slicing task", payloadProperties);

/** Group 11: a moderation ("cloud content understanding") robot's task. */
export const moderationEvent = (payloadProperties: Properties) =>
  robotTaskEvent("pull-stream (moderation)", "moderation task ID, unique per cloud moderation task", payloadProperties);

/** The robot's exit reason of groups 3, 10 and 11 (their pages list the same codes). */
export const leaveCode = int(
  "0 stopped normally | 1 the app removed the robot | 2 the app dissolved the room | 3 the server removed the robot | 4 the server dissolved the room | 99 no other user in the room for the set time | 100 timeout | 101 the same user entered the same room again",
);
