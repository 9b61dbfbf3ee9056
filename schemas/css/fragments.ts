/**
 * Shared property groups of the CSS (Cloud Streaming Services) callback bodies. Every CSS body carries `t`
 * and `sign` as fields of the body (the protocol checks them); `cssSchema()` adds them, required by
 * default, to the common fields a command names and to its own properties.
 */
import type { JsonSchema } from "../define.js";

/** `t` and `sign`: the only signed part of a CSS body. */
export const signature = {
  t: { type: "integer", description: "Unix seconds when this notification expires (by default sent time + 10 minutes)" },
  sign: { type: "string", description: "lowercase hex MD5(callback key + t)" },
} as const;

/** Fields that several CSS commands share, with the meaning the pages give them. */
export const common = {
  appid: { type: "integer", description: "the account's APPID" },
  app: { type: "string", description: "push domain name" },
  appname: { type: "string", description: "push path" },
  domain: { type: "string", description: "push domain name" },
  path: { type: "string", description: "push path" },
  stream_id: { type: "string", description: "live stream name" },
  channel_id: { type: "string", description: "same as the stream name" },
  event_time: { type: "integer", description: "Unix seconds when the event was generated" },
  sequence: { type: "string", description: "identifies one push: its begin and interruption notifications share it" },
  node: { type: "string", description: "IP of the access node" },
  user_ip: { type: "string", description: "IP the stream is pushed from" },
  stream_param: { type: "string", description: "query parameters of the push URL" },
  push_duration: { type: "string", description: "interruptions: how long the push lasted, milliseconds as a decimal string" },
  errcode: { type: "integer", description: "push / interruption code (interruption causes: 267/31083)" },
  errmsg: { type: "string" },
  set_id: { type: "integer", description: "1-6: pushed inside the Chinese mainland; 7-200: outside" },
  width: { type: "integer", description: "width in pixels (push notifications: 0 when the video header was missing)" },
  height: { type: "integer", description: "height in pixels (push notifications: 0 when the video header was missing)" },
  file_size: { type: "integer", description: "file size in bytes" },
  idc_id: { type: "integer", description: "undocumented; present in the samples" },
  task_id: { type: "string", description: "task ID (API-created tasks)" },
} as const;

export type CommonField = keyof typeof common;

/** The fields of the push-begin (1) and push-interrupted (0) notifications (one table on 267/38081). */
export const pushFields: readonly CommonField[] = [
  "appid",
  "app",
  "appname",
  "stream_id",
  "channel_id",
  "event_time",
  "sequence",
  "node",
  "user_ip",
  "stream_param",
  "push_duration",
  "errcode",
  "errmsg",
  "set_id",
  "width",
  "height",
  "idc_id",
];

/** PushBegin and PushEnd: one page, one table, one idempotency key; the files add command, code, summary, sample. */
export const pushCommand = {
  protocol: "css",
  kind: "after",
  source: "https://www.tencentcloud.com/document/product/267/38081",
  schema: cssSchema({ common: pushFields, required: ["stream_id", "sequence"] }),
  dedupe: ["event_type", "sequence", "stream_id"],
} as const;

/** An array of objects with these properties. */
export function objects(properties: Readonly<Record<string, JsonSchema>>, description?: string): JsonSchema {
  return { type: "array", ...(description ? { description } : {}), items: { type: "object", properties } };
}

export interface CssSchemaOptions {
  /** Common fields the command's page documents. */
  readonly common?: readonly CommonField[];
  /** The command's own properties (they override a common field of the same name). */
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  /** Required fields: what identifies the event. */
  readonly required?: readonly string[];
}

/**
 * The `schema` of a CSS command: the named common fields, the command's own properties, then `t`
 * and `sign`, typed on every event and required by none. One rule for every event: the signature
 * belongs to the callback template's key, not to the event (the pages of 343, 344, 345 and 348 list
 * `t` and `sign` among the common parameters while their samples leave them out), so the CSS
 * protocol checks it on every request before any schema runs; `unsignedEvents` opts an event type out.
 */
export function cssSchema(options: CssSchemaOptions): JsonSchema {
  const picked = Object.fromEntries((options.common ?? []).map((name) => [name, common[name]]));
  return {
    required: [...(options.required ?? [])],
    properties: { ...picked, ...options.properties, ...signature },
  };
}

/** The recognised text of a stretch of audio: live subtitles (338, 267/73170) and smart erasing (347, 267/73169) share this table. */
export const recognisedText = {
  src_txt: { type: "string", description: "the recognised text of the audio" },
  start_pts: { type: "integer", description: "start of src_txt in the audio stream, ms" },
  end_pts: { type: "integer", description: "end of src_txt in the audio stream, ms" },
  start_unix_time: { type: "integer", description: "start of src_txt, Unix time of the live stream" },
  end_unix_time: { type: "integer", description: "end of src_txt, Unix time of the live stream" },
} as const;

/** The fields of the stream-quality events: quality inspection (343), evaluation threshold (344) and average (345). */
export const qualityFields = {
  event_time: { type: "integer", description: "Unix seconds when the request was sent" },
  transcode_template_id: { type: "integer" },
  watermark_template_id: { type: "integer", description: "absent for reference evaluations (PSNR / SSIM / VMAF)" },
} as const;

/** The evaluation events' (344, 345) frames, function and class. */
export const evaluationFields = {
  frames: objects(
    { score: { type: "number" }, time: { type: "integer", description: "milliseconds since the epoch" } },
    "frames of the evaluation period with their scores",
  ),
  function: { type: "string", description: "Assessment" },
  class: { type: "string", description: "PSNR | SSIM | VMAF | VQA (no-reference scoring)" },
} as const;
