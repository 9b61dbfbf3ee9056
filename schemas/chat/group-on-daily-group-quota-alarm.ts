import { defineCommand } from "../define.js";
import { eventTime } from "./group-fragments.js";

/** Sent when the day's net new groups (created minus disbanded) pass 70% of the app's daily limit. */
export default defineCommand({
  command: "Group.CallbackOnDailyGroupQuotaAlarm",
  kind: "after",
  summary: "the day's net new groups passed 70% of the daily limit",
  source: "https://trtc.io/document/57455",
  schema: {
    properties: {
      QuotaUsed: { type: "integer", description: "net groups created today" },
      Quota: { type: "integer", description: "daily limit of net new groups" },
      EventTime: eventTime,
    },
  },
  sample: `{
"CallbackCommand": "Group.CallbackOnDailyGroupQuotaAlarm",
"QuotaUsed" : 7321,
"Quota": 10000,
"EventTime":"1670574414123"
}`,
  pages: { en: "https://trtc.io/document/57455" },
});
