import { defineCommand } from "../define.js";

export default defineCommand({
  command: "Alert.RequestOverLimit",
  kind: "after",
  summary: "a REST API's request rate passed 80% of its limit",
  source: "https://trtc.io/document/60256",
  schema: {
    required: ["ServiceName", "Command"],
    properties: {
      ServiceName: { type: "string", description: "the API's internal service name" },
      Command: { type: "string", description: "the API command; with ServiceName it names the API (openim + batchsendmsg, …)" },
      Request: { type: "integer", description: "the API's request rate, in requests per second" },
      Limit: { type: "integer", description: "the API's rate limit, in requests per second" },
    },
  },
  sample: `{
"CallbackCommand": "Alert.RequestOverLimit",
"ServiceName": "openim",
"Command": "batchsendmsg",
"Request": 510,
"Limit": 200
}`,
  pages: { en: "https://trtc.io/document/60256", zh: "https://www.tencentcloud.com/zh/document/product/1047/60256" },
});
