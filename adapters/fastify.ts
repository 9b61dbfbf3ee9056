import type { FastifyError, FastifyPluginAsync, FastifyReply, FastifyRequest } from "fastify";
import { handleRead, readNodeStream, type ReadBody } from "./support/read-body.js";
import type { Dispatcher } from "../src/types.js";

export interface FastifyWebhookOptions {
  dispatcher: Dispatcher;
  /** The route, below the `prefix` it is registered with. Default `/`. */
  path?: string | undefined;
}

const NO_BODY: ReadBody = { body: undefined, overLimit: false };

/**
 * `fastify.register(fastifyPlugin, { dispatcher, path: "/tencent" })`. Deliberately NOT wrapped in
 * fastify-plugin: it stays encapsulated, so replacing the body parsers and the error handler
 * below affects its own route only, never how the app's other routes parse JSON.
 */
export const fastifyPlugin: FastifyPluginAsync<FastifyWebhookOptions> = async (fastify, { dispatcher, path = "/" }) => {
  const limit = dispatcher.options.maxBodyBytes;
  const answer = async (request: FastifyRequest, reply: FastifyReply, read: ReadBody) => {
    const { method, url, headers } = request;
    const response = await handleRead(dispatcher, { method, url, headers }, read);
    return reply.code(response.status).headers(response.headers).send(response.body);
  };

  // Every content type reaches the core as raw bytes: the core, not Fastify, answers 415/413/400.
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser("*", (_request, payload, done) => {
    readNodeStream(payload, limit).then((read) => done(null, read), done);
  });
  // Fastify refuses a malformed Content-Type before any parser runs; here the core decides that too.
  fastify.setErrorHandler<FastifyError>(async (error, request, reply) => {
    if (error.code !== "FST_ERR_CTP_INVALID_MEDIA_TYPE") throw error; // to the app's error handler
    return answer(request, reply, await readNodeStream(request.raw, limit));
  });
  fastify.all<{ Body: ReadBody | undefined }>(path, (request, reply) => answer(request, reply, request.body ?? NO_BODY));
};
