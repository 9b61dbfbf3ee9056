import { defineCommand } from "../define.js";
import { cssSchema } from "./fragments.js";

const suggestion = { type: "string", description: "Block | Review | Pass" } as const;
const location = {
  type: "object",
  properties: {
    X: { type: "number" },
    Y: { type: "number" },
    Width: { type: "number" },
    Height: { type: "number" },
    Rotate: { type: "number" },
  },
} as const;

/** One result list entry (labelResults, objectResults, ocrResults, libResults): `details` is its `Details` item. */
function results(details: object, extra: object = {}) {
  return {
    type: ["array", "null"],
    items: {
      type: "object",
      properties: {
        HitFlag: { type: "integer" },
        Scene: { type: "string" },
        Suggestion: suggestion,
        Label: { type: "string" },
        SubLabel: { type: "string" },
        Score: { type: "integer", description: "0-100" },
        ...extra,
        Details: { type: "array", items: { type: "object", properties: details } },
      },
    },
  } as const;
}

/**
 * Image moderation result (by default only for images that may be non-compliant). The page's tables
 * contradict its sample: the sample spells `score` as `socre` (so `score` is not required), writes the
 * entries' `label` as `Label` (typed as sent), adds `HitFlag`, `level`, `abductionRisk`, `faceDetails`;
 * the legacy score fields the page lists as still sent pass untyped. This body names the stream
 * `streamId`, not `stream_id`, and has no `sequence`: the idempotency key is type, stream and image.
 */
export default defineCommand({
  protocol: "css",
  command: "Moderation",
  code: 317,
  kind: "after",
  summary: "a live screenshot was moderated (image moderation result)",
  source: "https://www.tencentcloud.com/document/product/267/38084",
  schema: cssSchema({
    common: ["appid", "app", "appname", "stream_param"],
    required: ["streamId"],
    properties: {
      streamId: { type: "string", description: "live stream name" },
      channelId: { type: "string" },
      img: { type: "string", description: "URL of the moderated image" },
      type: { type: "array", items: { type: "integer" }, description: "categories of the highest-priority negative labels" },
      score: { type: "array", items: { type: "integer" }, description: "scores of `type`" },
      ocrMsg: { type: "string" },
      suggestion,
      label: { type: "string", description: "highest-priority negative label, e.g. Porn" },
      subLabel: { type: "string" },
      labelResults: results({ Id: { type: "integer" }, Name: { type: "string" }, Score: { type: "integer" } }),
      objectResults: results(
        { Id: { type: "integer" }, Name: { type: "string" }, Value: { type: "string" }, Score: { type: "integer" }, Location: location },
        { Names: { type: "array", items: { type: "string" } } },
      ),
      ocrResults: results(
        {
          Text: { type: "string" },
          Label: { type: "string" },
          Keywords: { type: "array", items: { type: "string" } },
          Score: { type: "integer" },
          Location: location,
        },
        { Text: { type: "string" } },
      ),
      libResults: results({
        Id: { type: "integer" },
        ImageId: { type: "string" },
        Label: { type: "string" },
        Tag: { type: "string" },
        Score: { type: "integer" },
      }),
      screenshotTime: { type: "integer", description: "Unix seconds when the screenshot was taken" },
      sendTime: { type: "integer", description: "Unix seconds when the request was sent" },
    },
  }),
  dedupe: ["event_type", "streamId", "img"],
  sample: `{
"ocrMsg": "",
"type": [1],
"socre": [99],
"screenshotTime": 1610640000,
"level": 0,
"img": "http://1.1.1.1/download/porn/test.jpg",
"abductionRisk": [],
"faceDetails": [],
"sendTime": 1615859827,
"suggestion": "Block",
"label": "Porn",
"subLabel": "PornHigh",
"labelResults": [{
"HitFlag": 0,
"Scene": "Illegal",
"Suggestion": "Pass",
"Label": "Normal",
"SubLabel": "",
"Score": 0,
"Details": []
}, {
"HitFlag": 1,
"Scene": "Porn",
"Suggestion": "Block",
"Label": "Porn",
"SubLabel": "PornHigh",
"Score": 99,
"Details": [{
"Id": 0,
"Name": "PornHigh",
"Score": 99
}, {
"Id": 1,
"Name": "WomenChest",
"Score": 99
}]
}, {
"HitFlag": 0,
"Scene": "Sexy",
"Suggestion": "Pass",
"Label": "Normal",
"SubLabel": "",
"Score": 0,
"Details": []
}, {
"HitFlag": 0,
"Scene": "Terror",
"Suggestion": "Pass",
"Label": "Normal",
"SubLabel": "",
"Score": 0,
"Details": []
}],
"objectResults": [{
"HitFlag": 0,
"Scene": "QrCode",
"Suggestion": "Pass",
"Label": "Normal",
"SubLabel": "",
"Score": 0,
"Names": [],
"Details": []
}, {
"HitFlag": 0,
"Scene": "MapRecognition",
"Suggestion": "Pass",
"Label": "Normal",
"SubLabel": "",
"Score": 0,
"Names": [],
"Details": []
}, {
"HitFlag": 0,
"Scene": "PolityFace",
"Suggestion": "Pass",
"Label": "Normal",
"SubLabel": "",
"Score": 0,
"Names": [],
"Details": []
}],
"ocrResults": [{
"HitFlag": 0,
"Scene": "OCR",
"Suggestion": "Pass",
"Label": "Normal",
"SubLabel": "",
"Score": 0,
"Text": "",
"Details": []
}],
"streamId": "teststream",
"channelId": "teststream",
"stream_param": "txSecret=40f38f69f574fd51126c421a3d96c374&txTime=5DEBEC80",
"app": "5000.myqcloud.com",
"appname": "live",
"appid": 10000,
"event_type": 317,
"sign": "ac920c3e66**********78cf1b5de2c63",
"t": 1615860427
}`,
});
