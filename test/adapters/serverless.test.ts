import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  serverlessHandler,
  type ApiGatewayProxyEventV1,
  type ApiGatewayProxyEventV2,
  type ScfApiGatewayEvent,
  type ServerlessEvent,
} from "../../adapters/serverless.js";
import { registry } from "../../schemas/index.js";
import { createDispatcher, signedQuery, type WebhookErrorEvent } from "../../src/index.js";

const APP_ID = "1400000000";
const TOKEN = "xxxxyyyy";
const NOW_MS = 1_700_000_000_000;
const MAX_BODY_BYTES = 4096;
const PATH = "/tencent/callback";
const COMMAND = "Live.CallbackAfterDestroyRoom";
const SAMPLE = registry.get(COMMAND)!.sample;
const OK = { ActionStatus: "OK", ErrorInfo: "", ErrorCode: 0 };
const JSON_TYPE = { "content-type": "application/json; charset=utf-8" };

/** A documentation sample from fixtures/serverless/ (each names its source page in "//"). */
function fixture<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`./fixtures/serverless/${name}.json`, import.meta.url), "utf8")) as T;
}

const docs = {
  scf: fixture<ScfApiGatewayEvent>("scf-api-gateway"),
  rest: fixture<ApiGatewayProxyEventV1>("aws-rest-v1"),
  httpV1: fixture<ApiGatewayProxyEventV1>("aws-http-api-v1"),
  httpV2: fixture<ApiGatewayProxyEventV2>("aws-http-api-v2"),
  functionUrl: fixture<ApiGatewayProxyEventV2>("aws-function-url"),
};

function setup(options: { maxBodyBytes?: number } = {}) {
  const owners: unknown[] = [];
  const errors: WebhookErrorEvent[] = [];
  const dispatcher = createDispatcher({ sdkAppId: APP_ID, token: TOKEN, now: () => NOW_MS, maxBodyBytes: MAX_BODY_BYTES, ...options });
  dispatcher.on(COMMAND, (event) => {
    owners.push(event.payload.RoomInfo?.Owner_Account);
  });
  dispatcher.onError((error) => {
    errors.push(error);
  });
  return { handler: serverlessHandler(dispatcher), dispatcher, owners, errors };
}

/** Query parameters, each with all its values (a repeated key has several). */
type Params = Record<string, string[]>;

function tencentParams(overrides: Params = {}): Params {
  const { Sign, RequestTime } = signedQuery(TOKEN, NOW_MS);
  return {
    SdkAppid: [APP_ID],
    CallbackCommand: [COMMAND],
    contenttype: ["json"],
    ClientIP: ["203.0.113.7"],
    OptPlatform: ["RESTAPI"],
    Sign: [Sign],
    RequestTime: [RequestTime],
    ...overrides,
  };
}

const rawQuery = (params: Params) =>
  new URLSearchParams(Object.entries(params).flatMap(([key, values]) => values.map((value): [string, string] => [key, value]))).toString();
const lastValues = (params: Params) => Object.fromEntries(Object.entries(params).map(([key, values]) => [key, values.at(-1)!]));

interface Callback {
  params?: Params;
  body?: string;
  base64?: boolean;
  /** Extra headers, in the casing given. */
  headers?: Record<string, string>;
}

/** Each platform's documented event, carrying a Tencent callback the way that platform delivers one. */
const platforms = {
  "SCF API Gateway trigger": ({
    params = tencentParams(),
    body = SAMPLE,
    base64 = false,
    headers = { "Content-Type": "application/json" },
  }: Callback): ServerlessEvent => ({
    ...docs.scf,
    path: PATH,
    // SCF: every parameter in `queryString`; `queryStringParameters` holds only the ones the API declares.
    queryString: Object.fromEntries(Object.entries(params).map(([key, values]) => [key, values.length === 1 ? values[0]! : values])),
    queryStringParameters: {},
    headers: { ...docs.scf.headers, ...headers },
    body: base64 ? Buffer.from(body).toString("base64") : body,
    isBase64Encoded: base64,
  }),
  "AWS API Gateway REST (v1)": ({
    params = tencentParams(),
    body = SAMPLE,
    base64 = false,
    headers = { "Content-Type": "application/json" },
  }: Callback): ServerlessEvent => ({
    ...docs.rest,
    path: PATH,
    queryStringParameters: lastValues(params),
    multiValueQueryStringParameters: params,
    headers: { ...docs.rest.headers, ...headers },
    multiValueHeaders: { ...docs.rest.multiValueHeaders, ...Object.fromEntries(Object.entries(headers).map(([key, value]) => [key, [value]])) },
    body: base64 ? Buffer.from(body).toString("base64") : body,
    isBase64Encoded: base64,
  }),
  "AWS HTTP API (payload 1.0)": ({
    params = tencentParams(),
    body = SAMPLE,
    base64 = false,
    headers = { "Content-Type": "application/json" },
  }: Callback): ServerlessEvent => ({
    ...docs.httpV1,
    httpMethod: "POST",
    path: PATH,
    queryStringParameters: lastValues(params),
    multiValueQueryStringParameters: params,
    headers: { ...docs.httpV1.headers, ...headers },
    multiValueHeaders: { ...docs.httpV1.multiValueHeaders, ...Object.fromEntries(Object.entries(headers).map(([key, value]) => [key, [value]])) },
    body: base64 ? Buffer.from(body).toString("base64") : body,
    isBase64Encoded: base64,
  }),
  "AWS HTTP API (payload 2.0)": (callback: Callback): ServerlessEvent => v2Event(docs.httpV2, callback),
  "AWS Lambda function URL": (callback: Callback): ServerlessEvent => v2Event(docs.functionUrl, callback),
};

function v2Event(
  doc: ApiGatewayProxyEventV2,
  { params = tencentParams(), body = SAMPLE, base64 = false, headers = { "content-type": "application/json" } }: Callback,
): ServerlessEvent {
  return {
    ...doc,
    rawPath: PATH,
    rawQueryString: rawQuery(params),
    // As AWS builds it: repeated keys joined with commas (which is why the adapter ignores it).
    queryStringParameters: Object.fromEntries(Object.entries(params).map(([key, values]) => [key, values.join(",")])),
    headers: { ...doc.headers, ...headers },
    requestContext: { ...doc.requestContext, http: { ...doc.requestContext.http, method: "POST", path: PATH } },
    body: base64 ? Buffer.from(body).toString("base64") : body,
    isBase64Encoded: base64,
  };
}

describe("serverlessHandler: the documented events as they are", () => {
  it("SCF: method, path, queryString, headers and body reach the core; the reply is SCF's integration response", async () => {
    const { handler, errors } = setup();
    const reply = await handler(docs.scf, {});
    expect(Object.keys(reply)).toEqual(["isBase64Encoded", "statusCode", "headers", "body"]);
    expect(reply).toEqual({
      isBase64Encoded: false,
      statusCode: 403,
      headers: JSON_TYPE,
      body: JSON.stringify({ ActionStatus: "FAIL", ErrorInfo: "SdkAppid is missing", ErrorCode: 403 }),
    });
    const { request } = errors[0]!;
    expect(request.method).toBe("POST");
    expect(request.url).toBe("/test/value?foo=bar&bob=alice"); // queryString (all of them), not queryStringParameters
    expect(request.headers).toMatchObject({ "accept-language": "en-US,en,cn", "user-agent": "User Agent String" });
    expect(request.rawBody).toBe('{"test":"body"}');
  });

  it("AWS REST: every value of a repeated query key and header is kept", async () => {
    const { handler, errors } = setup();
    const reply = await handler(docs.rest);
    expect(Object.keys(reply)).toEqual(["statusCode", "headers", "body", "isBase64Encoded"]);
    expect(reply).toMatchObject({ statusCode: 403, headers: JSON_TYPE, isBase64Encoded: false });
    const { request } = errors[0]!;
    expect(request.url).toBe("/hello/world?name=me&multivalueName=you&multivalueName=me");
    expect(request.headers).toMatchObject({
      "content-type": "application/json",
      headername: "headerValue",
      "x-forwarded-for": "54.240.196.186, 54.182.214.83",
    });
    expect(request.rawBody).toBe('{\r\n\t"a": 1\r\n}');
  });

  it("AWS HTTP API 1.0: a GET is the core's 405, in Lambda's reply shape", async () => {
    const { handler, errors } = setup();
    const reply = await handler(docs.httpV1);
    expect(reply).toEqual({
      statusCode: 405,
      headers: { ...JSON_TYPE, allow: "POST" },
      body: JSON.stringify({ ActionStatus: "FAIL", ErrorInfo: "Only POST is accepted", ErrorCode: 405 }),
      isBase64Encoded: false,
    });
    expect(errors.map((error) => [error.reason, error.request.method, error.request.rawBody])).toEqual([["method_not_allowed", "GET", undefined]]);
  });

  it.each([
    ["HTTP API 2.0", docs.httpV2],
    ["function URL", docs.functionUrl],
  ])("AWS %s: rawQueryString exactly, cookies as a cookie header", async (_name, event) => {
    const { handler, errors } = setup();
    const reply = await handler(event);
    expect(Object.keys(reply)).toEqual(["statusCode", "headers", "body", "isBase64Encoded"]);
    expect(reply).toMatchObject({ statusCode: 403, isBase64Encoded: false });
    const { request } = errors[0]!;
    expect(request.method).toBe("POST");
    expect(request.url).toBe("/my/path?parameter1=value1&parameter1=value2&parameter2=value");
    expect(request.headers).toMatchObject({ header1: "value1", header2: "value1,value2", cookie: "cookie1; cookie2" });
    expect(request.rawBody).toBe(event.body);
  });

  it("refuses an event that is not HTTP (SCF's timer trigger) with a clear error", async () => {
    const { handler } = setup();
    const timer = fixture<ServerlessEvent>("scf-timer");
    await expect(handler(timer)).rejects.toThrow(/serverlessHandler: not an HTTP event/);
    await expect(handler(null as unknown as ServerlessEvent)).rejects.toThrow(TypeError);
  });
});

describe.each(Object.entries(platforms))("serverlessHandler: %s", (name, event) => {
  const shape = name.startsWith("SCF") ? ["isBase64Encoded", "statusCode", "headers", "body"] : ["statusCode", "headers", "body", "isBase64Encoded"];

  it("accepts a signed sample callback: the exact Owner_Account reaches the handler", async () => {
    const { handler, owners, errors } = setup();
    const reply = await handler(event({}));
    expect(errors).toEqual([]);
    expect(Object.keys(reply)).toEqual(shape);
    expect(reply).toEqual({ statusCode: 200, headers: JSON_TYPE, body: JSON.stringify(OK), isBase64Encoded: false });
    expect(owners).toEqual(["144115216631667826"]);
  });

  it("decodes a base64 body to its exact bytes", async () => {
    const { handler, dispatcher, owners } = setup();
    const rawBodies: string[] = [];
    dispatcher.onAny((e) => void rawBodies.push(e.rawBody));
    const withUnicode = SAMPLE.replace('"tandy-test-rest"', '"房间 🎁 tandy-test-rest"');
    expect(withUnicode).not.toBe(SAMPLE);
    expect((await handler(event({ body: withUnicode, base64: true }))).statusCode).toBe(200);
    expect(owners).toEqual(["144115216631667826"]);
    expect(rawBodies).toEqual([withUnicode]);
  });

  it("reads headers in any casing", async () => {
    const { handler } = setup();
    expect((await handler(event({ headers: { "CONTENT-TYPE": "application/json" } }))).statusCode).toBe(200);
    const refused = await handler(event({ headers: { "CoNtEnT-TyPe": "text/plain" } }));
    expect(refused.statusCode).toBe(415);
  });

  it("keeps repeated query keys: the same SdkAppid twice is fine, two different ones are refused", async () => {
    const { handler, errors } = setup();
    expect((await handler(event({ params: tencentParams({ SdkAppid: [APP_ID, APP_ID] }) }))).statusCode).toBe(200);
    const twice = await handler(event({ params: tencentParams({ SdkAppid: [APP_ID, "1400000001"] }) }));
    expect(twice.statusCode).toBe(403);
    expect(JSON.parse(twice.body)).toMatchObject({ ErrorInfo: "SdkAppid is given twice with different values" });
    expect(errors.map((error) => error.reason)).toEqual(["sdk_app_id_mismatch"]);
  });

  it("passes query values that need encoding through exactly", async () => {
    const { handler, dispatcher } = setup();
    let clientIp: string | undefined;
    let query: Record<string, string> = {};
    dispatcher.onAny((e) => {
      clientIp = e.clientIp;
      query = e.request.query;
    });
    const params = tencentParams({ ClientIP: ["2001:db8::1"], note: ["a&b=c d+e%20/é"] });
    expect((await handler(event({ params }))).statusCode).toBe(200);
    expect(clientIp).toBe("2001:db8::1");
    expect(query.note).toBe("a&b=c d+e%20/é");
  });

  it("refuses another app's SdkAppid (403) and a bad signature (401)", async () => {
    const { handler } = setup();
    expect((await handler(event({ params: tencentParams({ SdkAppid: ["1400000001"] }) }))).statusCode).toBe(403);
    const { Sign } = signedQuery("not-the-token", NOW_MS);
    expect((await handler(event({ params: tencentParams({ Sign: [Sign] }) }))).statusCode).toBe(401);
  });

  it("enforces maxBodyBytes with the core's 413, text or base64, exactly at the limit", async () => {
    const { handler, owners } = setup();
    const atLimit = SAMPLE + " ".repeat(MAX_BODY_BYTES - Buffer.byteLength(SAMPLE));
    expect(Buffer.byteLength(atLimit)).toBe(MAX_BODY_BYTES);
    for (const base64 of [false, true]) {
      expect((await handler(event({ body: atLimit, base64 }))).statusCode, `at the limit, base64 ${base64}`).toBe(200);
      const over = await handler(event({ body: `${atLimit} `, base64 }));
      expect(over.statusCode, `one byte over, base64 ${base64}`).toBe(413);
      expect(JSON.parse(over.body)).toEqual({ ActionStatus: "FAIL", ErrorInfo: `Body exceeds ${MAX_BODY_BYTES} bytes`, ErrorCode: 413 });
    }
    expect(owners).toHaveLength(2);
  });

  it("decodes no more of a huge base64 body than the core needs for its 413", async () => {
    const { dispatcher } = setup();
    const sizes: number[] = [];
    // The adapter uses only handle() and options: watch what it hands the core.
    const watched = {
      options: dispatcher.options,
      handle: (request: Parameters<typeof dispatcher.handle>[0]) => {
        sizes.push((request.body as Uint8Array).byteLength);
        return dispatcher.handle(request);
      },
    } as unknown as typeof dispatcher;
    const reply = await serverlessHandler(watched)(event({ body: "x".repeat(8 * 1024 * 1024), base64: true }));
    expect(reply.statusCode).toBe(413);
    expect(sizes).toHaveLength(1);
    expect(sizes[0]).toBeGreaterThan(MAX_BODY_BYTES);
    expect(sizes[0]).toBeLessThanOrEqual(MAX_BODY_BYTES + 3);
  });

  it("resolves only after the handlers finished (nothing runs after the platform freezes the function)", async () => {
    const { handler, dispatcher } = setup();
    let finished = false;
    dispatcher.on(COMMAND, async () => {
      await new Promise((resolve) => setTimeout(resolve, 50));
      finished = true;
    });
    const reply = await handler(event({}));
    expect(finished).toBe(true);
    expect(reply.statusCode).toBe(200);
  });
});
