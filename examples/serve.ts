/** Plumbing the examples share: listen, report where, close cleanly, run when started directly. */
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { Dispatcher } from "../src/index.js";
import type { ExampleConfig, StartOptions } from "./config.js";

export interface RunningExample {
  /** The full callback URL, with the real port when started on port 0. */
  url: string;
  webhooks: Dispatcher;
  close(): Promise<void>;
}

/** Starts a node:http server (Express, Koa, node and fetch examples all end up as one). */
export async function listen(server: Server, config: ExampleConfig, webhooks: Dispatcher): Promise<RunningExample> {
  await new Promise<void>((done, fail) => {
    server.once("error", fail);
    server.listen(config.port, config.host, () => {
      server.off("error", fail);
      done();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: callbackUrl(config, port),
    webhooks,
    close: () =>
      new Promise<void>((done, fail) => {
        server.close((error) => (error ? fail(error) : done()));
        // Keep-alive sockets from the last client would hold close() open for seconds.
        server.closeIdleConnections();
      }),
  };
}

export function callbackUrl(config: ExampleConfig, port: number): string {
  const host = config.host.includes(":") ? `[${config.host}]` : config.host;
  return `http://${host}:${port}${config.path}`;
}

/**
 * `tsx examples/<name>/server.ts` runs the example until Ctrl-C; importing it (tests, the demo)
 * runs nothing. Errors are one line, not a stack trace.
 */
export function runIfMain(moduleUrl: string, name: string, start: (options?: StartOptions) => Promise<RunningExample>): void {
  const entry = process.argv[1];
  if (entry === undefined || pathToFileURL(resolve(entry)).href !== moduleUrl) return;
  start().then(
    (running) => {
      const signed = running.webhooks.options.signed;
      console.log(
        `${name} example: Tencent callbacks on ${running.url} (SdkAppid ${running.webhooks.options.sdkAppId}, ${signed ? "signed only" : "UNSIGNED accepted: set TENCENT_CALLBACK_TOKEN"})`,
      );
      console.log(
        `try: npx tencent-webhooks send Live.CallbackAfterDestroyRoom --url ${running.url} --sdk-app-id ${running.webhooks.options.sdkAppId}${signed ? ' --token "$TENCENT_CALLBACK_TOKEN"' : ""}`,
      );
      const stop = () => void running.close().then(() => console.log(`${name} example stopped`));
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
    },
    (error: unknown) => {
      console.error(`${name} example could not start: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    },
  );
}
