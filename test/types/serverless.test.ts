/**
 * `serverlessHandler(webhooks)` is an AWS Lambda handler as `@types/aws-lambda` types them (API
 * Gateway REST / HTTP API 1.0, HTTP API 2.0 and function URLs), and takes those packages' events,
 * without casts. Checked by `tsc --noEmit`.
 */
import type {
  APIGatewayProxyEvent,
  APIGatewayProxyEventV2,
  APIGatewayProxyHandler,
  APIGatewayProxyHandlerV2,
  APIGatewayProxyResult,
  Context,
  LambdaFunctionURLEvent,
  LambdaFunctionURLHandler,
} from "aws-lambda";
import { describe, expectTypeOf, it } from "vitest";
import { serverlessHandler } from "../../adapters/serverless.js";
import { createDispatcher } from "../../src/index.js";

const webhooks = createDispatcher({ sdkAppId: 1400000000 });

describe("serverlessHandler and @types/aws-lambda", () => {
  it("is assignable to APIGatewayProxyHandler, APIGatewayProxyHandlerV2 and LambdaFunctionURLHandler", () => {
    const v1: APIGatewayProxyHandler = serverlessHandler(webhooks);
    const v2: APIGatewayProxyHandlerV2 = serverlessHandler(webhooks);
    const url: LambdaFunctionURLHandler = serverlessHandler(webhooks);
    expectTypeOf(v1).toBeFunction();
    expectTypeOf(v2).toBeFunction();
    expectTypeOf(url).toBeFunction();
  });

  it("takes their events and returns an APIGatewayProxyResult", () => {
    const handler = serverlessHandler(webhooks);
    expectTypeOf(handler).toBeCallableWith({} as APIGatewayProxyEvent, {} as Context);
    expectTypeOf(handler).toBeCallableWith({} as APIGatewayProxyEventV2);
    expectTypeOf(handler).toBeCallableWith({} as LambdaFunctionURLEvent);
    expectTypeOf<Awaited<ReturnType<typeof handler>>>().toExtend<APIGatewayProxyResult>();
  });
});
