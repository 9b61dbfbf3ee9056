/**
 * NestJS: `npx tsx --tsconfig examples/nestjs/tsconfig.json examples/nestjs/main.ts`
 * (env: SDK_APP_ID, TENCENT_CALLBACK_TOKEN, TRTC_CALLBACK_KEY, PORT, HOST). Express platform by
 * default; `PLATFORM=fastify` for @nestjs/platform-fastify. In your app: `import { … } from
 * "tencent-webhooks/nestjs"`; this repo imports the source by relative path so it runs without a build.
 */
import "reflect-metadata";
import { NestFactory } from "@nestjs/core";
import { FastifyAdapter } from "@nestjs/platform-fastify";
import { AppModule } from "./app.module.js";

const app = process.env.PLATFORM === "fastify" ? await NestFactory.create(AppModule, new FastifyAdapter()) : await NestFactory.create(AppModule);
await app.listen(Number(process.env.PORT ?? 3000), process.env.HOST ?? "127.0.0.1");
console.log(`Tencent callbacks on ${await app.getUrl()}/tencent/callback`);
process.once("SIGTERM", () => void app.close());
