/**
 * A body parsed by a framework's JSON parser before us has lost every integer beyond 2^53
 * (64-bit account IDs): such a body is refused rather than delivered with a wrong, plausible ID.
 */

/** The path of the first integer in `value` that a JS number cannot hold exactly, if any. */
export function unsafeIntegerPath(value: unknown, path = "", seen = new Set<object>()): string | undefined {
  if (typeof value === "number") return Number.isInteger(value) && !Number.isSafeInteger(value) ? path || "/" : undefined;
  if (value === null || typeof value !== "object" || seen.has(value)) return undefined;
  seen.add(value);
  for (const [key, child] of Object.entries(value)) {
    const found = unsafeIntegerPath(child, `${path}/${key}`, seen);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** NestJS parses JSON before any controller or app.use() of main.ts sees the body. */
const NEST = "in NestJS, TencentWebhooksModule from tencent-webhooks/nestjs mounts the route ahead of Nest's parser";

// Each fix is code that compiles as written in TypeScript (test/docs/blocks.test.ts checks the Express one).
export const FIXES: Record<string, string> = {
  express: `mount the webhook before app.use(express.json()), or keep the raw body: express.json({ verify: (req, _res, buf) => Object.assign(req, { rawBody: buf }) }); ${NEST}`,
  koa: "mount koaMiddleware before koa-body / @koa/bodyparser, or keep the raw body (koa-body: { includeUnparsed: true }; @koa/bodyparser keeps ctx.request.rawBody)",
  fastify: `register fastifyWebhooks in its own scope, where it reads the raw bytes itself; ${NEST}`,
  hono: "mount the webhook route before any middleware that calls c.req.json()",
  node: "pass the request stream (or its raw bytes) instead of a parsed body",
  fetch: "pass the Request before anything reads its body",
};

export function precisionLostMessage(path: string, source: string | undefined): string {
  const fix = FIXES[source ?? ""] ?? "give the package the raw body text or bytes, not a parsed object";
  return `The body was parsed before tencent-webhooks saw it and the 64-bit integer at ${path} was rounded: ${fix}`;
}
