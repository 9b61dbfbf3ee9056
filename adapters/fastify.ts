import type { FastifyError, FastifyPluginAsync, FastifyReply, FastifyRequest } from "fastify";
import { handleRead, readNodeStream, type ReadBody } from "./support/read-body.js";
import type { WebhookReceiver } from "../src/types.js";

export interface FastifyWebhookOptions {
  dispatcher: WebhookReceiver;
  /** The route, below the `prefix` it is registered with. Default `/`. */
  path?: string | undefined;
}

const NO_BODY: ReadBody = { body: undefined, overLimit: false };

/**
 * `fastify.register(fastifyWebhooks, { dispatcher, path: "/tencent" })`. Deliberately NOT wrapped in
 * fastify-plugin: it stays encapsulated, so replacing the body parsers and the error handler
 * below affects its own route only, never how the app's other routes parse JSON. A body that has
 * not ended `bodyTimeoutMs` after its headers gets a 408 and the connection is closed.
 */
export const fastifyWebhooks: FastifyPluginAsync<FastifyWebhookOptions> = async (fastify, { dispatcher, path = "/" }) => {
  const { maxBodyBytes: limit, bodyTimeoutMs } = dispatcher.options;
  const answer = async (request: FastifyRequest, reply: FastifyReply, read: ReadBody) => {
    const { method, url, headers } = request;
    const response = await handleRead(dispatcher, { method, url, headers, source: "fastify" }, read);
    return reply.code(response.status).headers(response.headers).send(response.body);
  };

  // Every content type reaches the core as raw bytes: the core, not Fastify, answers 415/413/400.
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser("*", (_request, payload, done) => {
    readNodeStream(payload, limit, bodyTimeoutMs).then((read) => done(null, read), done);
  });
  // Fastify refuses a malformed Content-Type before any parser runs; here the core decides that too.
  fastify.setErrorHandler<FastifyError>(async (error, request, reply) => {
    if (error.code !== "FST_ERR_CTP_INVALID_MEDIA_TYPE") throw error; // to the app's error handler
    return answer(request, reply, await readNodeStream(request.raw, limit, bodyTimeoutMs));
  });
  fastify.all<{ Body: ReadBody | undefined }>(path, (request, reply) => answer(request, reply, request.body ?? NO_BODY));
};

/**
 * @deprecated Use `fastifyWebhooks`: the old name reads like the `fastify-plugin` package, which
 * this deliberately is not (it stays encapsulated).
 */
export const fastifyPlugin = fastifyWebhooks;
