/**
 * The server side of the HTTP benchmark, run as a child process of its own: `tsx bench/servers.ts
 * <framework>` starts two servers of that framework on 127.0.0.1, port 0:
 *
 *   bare     a plain `POST` route parsing JSON the framework's usual way and answering OK_BODY
 *   adapter  the same framework with this package's adapter (dispatcher with a token)
 *
 * It tells the parent both ports over IPC, answers `{ type: "cpu" }` with this process's CPU
 * time (so the parent can charge server CPU per request), and closes both on `{ type: "stop" }`.
 * The load generator runs in the parent: on 2 cores, one process serves and one loads.
 *
 * Alone (`node --cpu-prof --import tsx bench/servers.ts node`), it prints the two ports and
 * stops on Ctrl-C (SIGINT), so that a profile of the server under load is written.
 */
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import Fastify from "fastify";
import Koa from "koa";
import { loadLibrary } from "./library.js";
import {
  APP_ID,
  CALLBACK_PATH,
  FRAMEWORKS,
  MAIN_COMMAND,
  OCTOKIT_PATH,
  OCTOKIT_SECRET,
  OK,
  OK_BODY,
  PEER,
  TOKEN,
  type Framework,
  type ServerMessage,
} from "./common.js";

interface Running {
  port: number;
  close(): Promise<void>;
}

const JSON_TYPE = "application/json; charset=utf-8";

/** What `express.json()`, Fastify's parser and koa-bodyparser (co-body) do: whole body, then JSON.parse. */
function readJson(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString("utf8")));
      } catch (error) {
        reject(error);
      }
    });
    req.on("error", reject);
  });
}

const library = await loadLibrary();
const { createDispatcher } = library.core;
const { expressMiddleware } = library.express;
const { fastifyPlugin } = library.fastify;
const { koaMiddleware } = library.koa;
const { nodeMiddleware } = library.node;

let handled = 0;
let failed = 0;

function makeDispatcher() {
  // The default 60 s signature window: the parent signs again for every run (runs last seconds).
  const dispatcher = createDispatcher({ sdkAppId: APP_ID, token: TOKEN });
  dispatcher.on(MAIN_COMMAND, () => {
    handled++;
  });
  dispatcher.onError(() => {
    failed++;
  });
  return dispatcher;
}

async function listen(server: http.Server): Promise<Running> {
  await new Promise<void>((resolve, reject) => server.once("error", reject).listen(0, "127.0.0.1", () => resolve()));
  return {
    port: (server.address() as AddressInfo).port,
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}

async function listenFastify(app: ReturnType<typeof Fastify>): Promise<Running> {
  await app.listen({ port: 0, host: "127.0.0.1" });
  return {
    port: (app.server.address() as AddressInfo).port,
    close: async () => {
      app.server.closeAllConnections();
      await app.close();
    },
  };
}

async function start(framework: Framework, variant: "bare" | "adapter"): Promise<Running> {
  switch (framework) {
    case "express": {
      const app = express();
      if (variant === "bare") {
        app.post(CALLBACK_PATH, express.json(), (req, res) => {
          if (req.body === undefined) failed++;
          res.json(OK);
        });
      } else {
        app.use(CALLBACK_PATH, expressMiddleware(makeDispatcher()));
      }
      return listen(http.createServer(app));
    }
    case "fastify": {
      const app = Fastify();
      if (variant === "bare") {
        app.post(CALLBACK_PATH, async (request) => {
          if (request.body === undefined) failed++;
          return OK;
        });
      } else {
        await app.register(fastifyPlugin, { dispatcher: makeDispatcher(), path: CALLBACK_PATH });
      }
      return listenFastify(app);
    }
    case "koa": {
      // Koa has no JSON parser of its own; koa-bodyparser reads the body whole and JSON.parses it.
      const app = new Koa();
      if (variant === "bare") {
        app.use(async (ctx, next) => {
          if (ctx.method !== "POST" || ctx.path !== CALLBACK_PATH) return next();
          const body = await readJson(ctx.req);
          if (body === undefined) failed++;
          ctx.body = OK;
        });
      } else {
        app.use(koaMiddleware(makeDispatcher(), { path: CALLBACK_PATH }));
      }
      return listen(http.createServer(app.callback()));
    }
    case "node": {
      if (variant === "adapter") return listen(http.createServer(nodeMiddleware(makeDispatcher(), { path: CALLBACK_PATH })));
      const bare = (req: IncomingMessage, res: ServerResponse) => {
        const query = req.url?.indexOf("?") ?? -1;
        const path = query === -1 ? req.url : req.url?.slice(0, query);
        if (req.method !== "POST" || path !== CALLBACK_PATH) {
          res.writeHead(404).end();
          return;
        }
        readJson(req).then(
          () => res.writeHead(200, { "content-type": JSON_TYPE }).end(OK_BODY),
          () => res.writeHead(400).end(),
        );
      };
      return listen(http.createServer(bare));
    }
  }
}

/** The peer: @octokit/webhooks verifying and dispatching a GitHub delivery, on node:http. */
async function startOctokit(): Promise<Running> {
  const { Webhooks, createNodeMiddleware } = await import("@octokit/webhooks");
  const webhooks = new Webhooks({ secret: OCTOKIT_SECRET });
  webhooks.on("issues.opened", () => {
    handled++;
  });
  webhooks.onError(() => {
    failed++;
  });
  return listen(http.createServer(createNodeMiddleware(webhooks, { path: OCTOKIT_PATH })));
}

async function main(): Promise<void> {
  const framework = process.argv[2] as Framework | typeof PEER;
  if (framework !== PEER && !FRAMEWORKS.includes(framework)) throw new Error(`usage: servers.ts <${[...FRAMEWORKS, PEER].join("|")}>`);
  const bare = framework === PEER ? await startOctokit() : await start(framework, "bare");
  const adapter = await start(framework === PEER ? "node" : framework, "adapter");
  const send = (message: ServerMessage) => process.send?.(message);
  process.on("message", (message: { type: string }) => {
    if (message.type === "cpu") {
      const usage = process.cpuUsage();
      send({ type: "cpu", micros: usage.user + usage.system, handled, failed });
    } else if (message.type === "stop") {
      process.disconnect();
    }
  });
  // Stopped, or the parent went away (crash, Ctrl-C): either way no server is left behind.
  process.on("disconnect", () => {
    void Promise.all([bare.close(), adapter.close()]).finally(() => process.exit(0));
  });
  send({ type: "ready", bare: bare.port, adapter: adapter.port, library: library.kind });
  if (!process.send) {
    // Started on its own (e.g. under `node --cpu-prof`): print the ports; Ctrl-C stops cleanly.
    console.log(JSON.stringify({ framework, bare: bare.port, adapter: adapter.port }));
    process.once("SIGINT", () => {
      void Promise.all([bare.close(), adapter.close()]).finally(() => process.exit(0));
    });
  }
}

await main();
