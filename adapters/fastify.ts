import type { FastifyPluginAsync } from "fastify";
import { handleRead, readNodeStream, type ReadBody } from "../src/read-body.js";
import type { Dispatcher } from "../src/types.js";

export interface FastifyWebhookOptions {
  dispatcher: Dispatcher;
  /** The route, below the `prefix` it is registered with. Default `/`. */
  path?: string | undefined;
}

const NO_BODY: ReadBody = { body: undefined, overLimit: false };

/**
 * `fastify.register(fastifyPlugin, { dispatcher, path: "/tencent" })`. Deliberately NOT wrapped in
 * fastify-plugin: it stays encapsulated, so replacing the body parsers below affects its own
 * route only, never how the app's other routes parse JSON.
 */
export const fastifyPlugin: FastifyPluginAsync<FastifyWebhookOptions> = async (fastify, { dispatcher, path = "/" }) => {
  // Every content type reaches the core as raw bytes: the core, not Fastify, answers 415/413/400.
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser("*", (_request, payload, done) => {
    readNodeStream(payload, dispatcher.options.maxBodyBytes).then((read) => done(null, read), done);
  });
  fastify.all<{ Body: ReadBody | undefined }>(path, async (request, reply) => {
    const { method, url, headers } = request;
    const answer = await handleRead(dispatcher, { method, url, headers }, request.body ?? NO_BODY);
    return reply.code(answer.status).headers(answer.headers).send(answer.body);
  });
};
