/**
 * One exported handler for serverless functions (env: SDK_APP_ID, TENCENT_CALLBACK_TOKEN):
 * - Tencent Cloud SCF, event function behind an API Gateway trigger: entry `handler.main_handler`;
 * - AWS Lambda behind API Gateway (REST, or HTTP API payload 1.0 / 2.0) or a function URL:
 *   entry `handler.handler`.
 * Route only the callback path (e.g. POST /tencent/callback) to it. It replies once the
 * handlers have finished, so nothing is still running when the platform freezes the function.
 * In your function: `import { serverlessHandler } from "tencent-webhooks/serverless"`; this repo
 * imports the source by relative path so the example runs without a build.
 */
import { serverlessHandler } from "../../adapters/serverless.js";
import { exampleConfig } from "../config.js";
import { createWebhooks } from "../webhooks.js";

// Built once per instance (the cold start), then reused by every invocation it serves.
const webhooks = createWebhooks(exampleConfig(), console.log);

/** AWS Lambda's conventional entry name. */
export const handler = serverlessHandler(webhooks);
/** SCF's default entry name (`index.main_handler` in the console; here `handler.main_handler`). */
export const main_handler = handler;
