import { canonicalCommand, isKnownCommand, registry, type KnownCommand } from "../schemas/index.js";
import { decodeUtf8, parseJsonObject } from "./body.js";
import { decisionResponse, isDecision } from "./decision.js";
import {
  SILENT_REASONS,
  isRejection,
  okResponse,
  reject,
  rejectionResponse,
  type Rejection,
  type WebhookResponse,
} from "./errors.js";
import { normalizeHeaders } from "./headers.js";
import { resolveOptions, type ResolvedOptions } from "./options.js";
import {
  CONFLICT,
  checkContentType,
  checkSdkAppId,
  checkSignature,
  normalizePlatform,
  optional,
  parseQuery,
  queryRecord,
  single,
  type Query,
} from "./protocol.js";
import type {
  AnyHandler,
  AnyWebhookEvent,
  DispatchMeta,
  Dispatcher,
  DispatcherOptions,
  ErrorHandler,
  Handler,
  ReceivedRequest,
  WebhookErrorEvent,
  WebhookRequest,
} from "./types.js";
import { validatorFor } from "./validate.js";

/** Creates the framework-free core: register handlers with `on`, feed requests to `handle`. */
export function createDispatcher(options: DispatcherOptions): Dispatcher {
  return new TencentDispatcher(options);
}

/** What is known about a callback so far, for the `onError` report if it fails. */
type Report = Omit<WebhookErrorEvent, "reason" | "status" | "message" | "error">;

type AnyCallback = (event: AnyWebhookEvent) => unknown;

let warnedAboutParsedBody = false;
const PARSED_BODY_WARNING =
  "tencent-webhooks received a body that another middleware already parsed: 64-bit IDs such as " +
  "Owner_Account may have lost precision. Mount the webhook route before any JSON body parser " +
  "(e.g. before app.use(express.json())) so that it reads the raw bytes.";

class TencentDispatcher implements Dispatcher {
  readonly #options: ResolvedOptions;
  readonly #byCommand = new Map<string, AnyCallback[]>();
  readonly #any: AnyCallback[] = [];
  readonly #error: ErrorHandler[] = [];

  /** Read by adapters on every request (the body limit): built once, frozen, without the token. */
  readonly options: Dispatcher["options"];

  constructor(options: DispatcherOptions) {
    this.#options = resolveOptions(options);
    const { token, now, ...rest } = this.#options;
    this.options = Object.freeze({ ...rest, signed: token !== undefined });
  }

  on<C extends KnownCommand>(command: C | readonly C[], handler: Handler<C>): this {
    assertFunction(handler, "on");
    for (const name of commandList(command)) {
      if (!isKnownCommand(name)) {
        throw new TypeError(`tencent-webhooks: unknown command "${name}"; use onAny() for commands this package does not know`);
      }
      const handlers = this.#byCommand.get(name) ?? [];
      handlers.push(handler as AnyCallback);
      this.#byCommand.set(name, handlers);
    }
    return this;
  }

  onAny(handler: AnyHandler): this {
    assertFunction(handler, "onAny");
    this.#any.push(handler);
    return this;
  }

  onError(handler: ErrorHandler): this {
    assertFunction(handler, "onError");
    this.#error.push(handler);
    return this;
  }

  removeListener(command: string | readonly string[], handler: (...args: never[]) => unknown): this {
    const drop = (list: unknown[] | undefined) => {
      const index = list?.lastIndexOf(handler) ?? -1;
      if (index !== -1) list!.splice(index, 1);
    };
    for (const name of commandList(command)) {
      if (name === "*") drop(this.#any);
      else if (name === "error") drop(this.#error);
      else drop(this.#byCommand.get(name));
    }
    return this;
  }

  async handle(request: WebhookRequest): Promise<WebhookResponse> {
    let report: Report | undefined;
    try {
      const method = typeof request.method === "string" ? request.method.toUpperCase() : "";
      const headers = normalizeHeaders(request.headers);
      const url = typeof request.url === "string" ? request.url : "";
      if (method !== "POST") throw reject("method_not_allowed", "Only POST is accepted");
      checkContentType(headers["content-type"]);
      const { body } = request;
      if (bodyBytes(body) > this.#options.maxBodyBytes) {
        throw reject("body_too_large", `Body exceeds ${this.#options.maxBodyBytes} bytes`);
      }

      const query = parseQuery(url);
      const received: ReceivedRequest = { method, url, query: queryRecord(query), headers, rawBody: undefined };
      report = { request: received };
      const text = bodyText(body, received);

      const sdkAppId = checkSdkAppId(query, this.#options.sdkAppId);
      if (this.#options.token !== undefined) {
        checkSignature(query, this.#options.token, this.#options.now(), this.#options.signatureToleranceSeconds);
      }
      const payload = parseJsonObject(text());
      return await this.#dispatch(payload, report, {
        sdkAppId,
        command: queryCommand(query),
        clientIp: optional(query, "clientip"),
        optPlatform: optional(query, "optplatform"),
      });
    } catch (error) {
      return this.#refuse(error, report);
    }
  }

  async dispatch(payload: unknown, meta: DispatchMeta = {}): Promise<WebhookResponse> {
    const text = typeof payload === "string" ? payload : safeStringify(payload);
    const rawBody = meta.rawBody ?? text;
    const report: Report = {
      request: meta.request ?? { method: "POST", url: "", query: {}, headers: {}, rawBody },
    };
    try {
      if (meta.sdkAppId !== undefined && meta.sdkAppId !== this.#options.sdkAppId) {
        throw reject("sdk_app_id_mismatch", "SdkAppid does not match this app");
      }
      // Objects go through their JSON text too: the same checks, and the caller's object is never mutated.
      const object = parseJsonObject(typeof payload === "string" ? payload : serialize(payload, text));
      return await this.#dispatch(object, report, { ...meta, sdkAppId: this.#options.sdkAppId });
    } catch (error) {
      return this.#refuse(error, report);
    }
  }

  /** From a parsed payload on: command, schema, handlers. Throws a Rejection on refusal. */
  async #dispatch(payload: Record<string, unknown>, report: Report, meta: DispatchMeta & { sdkAppId: string }) {
    report.payload = payload;
    const command = resolveCommand(payload, meta.command);
    report.command = command;
    const definition = registry.get(command);
    if (definition) {
      const schemaErrors = validatorFor(definition)(payload);
      if (schemaErrors) {
        report.schemaErrors = schemaErrors;
        throw reject("schema_invalid", `Payload does not match the ${command} schema: ${describeSchemaErrors(schemaErrors)}`);
      }
    } else if (this.#options.unknownCommands === "reject") {
      throw reject("unknown_command", `Unknown CallbackCommand "${command}"`);
    }

    const event: AnyWebhookEvent = {
      command,
      payload,
      sdkAppId: meta.sdkAppId,
      clientIp: meta.clientIp,
      optPlatform: normalizePlatform(meta.optPlatform),
      rawBody: report.request.rawBody ?? meta.rawBody ?? "",
      request: report.request,
    };
    const handlers = this.#byCommand.get(command) ?? [];
    const decides = definition?.kind === "before";
    const timeoutMs = decides ? this.#options.decisionTimeoutMs : this.#options.handlerTimeoutMs;
    const run = await this.#runHandlers([...handlers, ...this.#any], handlers.length, decides, timeoutMs, event, report);
    if (run.failure) return rejectionResponse(run.failure);
    return decides ? decisionResponse(run.results) : okResponse();
  }

  /**
   * Runs every handler; one that throws does not stop the others. Sync handlers cost no timer.
   * A handler still running at the timeout is not cut off: a later failure still reaches onError.
   * For "before" commands the first `commandHandlers` results are decisions and must be valid.
   */
  async #runHandlers(
    handlers: AnyCallback[],
    commandHandlers: number,
    decides: boolean,
    timeoutMs: number,
    event: AnyWebhookEvent,
    report: Report,
  ): Promise<{ failure?: Rejection; results: unknown[] }> {
    let failed = false;
    let answered = false;
    const results: unknown[] = [];
    const reports: Promise<void>[] = [];
    const pending: Promise<unknown>[] = [];
    const onFailure = (cause: unknown) => {
      if (!answered) failed = true;
      reports.push(this.#emitError(reject("handler_failed", `A handler for ${event.command} failed`), { ...report, cause }));
    };
    const onResult = (index: number, value: unknown) => {
      if (decides && index < commandHandlers && value !== undefined && !isDecision(value)) {
        onFailure(new TypeError("a before-callback handler must return allow(), block() or nothing"));
      }
      results[index] = value;
    };
    handlers.forEach((handler, index) => {
      try {
        const result = handler(event);
        if (isThenable(result)) {
          pending.push(Promise.resolve(result).then((value) => onResult(index, value), onFailure));
        } else {
          onResult(index, result);
        }
      } catch (cause) {
        onFailure(cause);
      }
    });
    const inTime = pending.length === 0 || (await settlesWithin(Promise.all(pending), timeoutMs));
    answered = true;
    let failure: Rejection | undefined;
    if (!inTime) {
      failure = reject("handler_timeout", `Handlers did not finish within ${timeoutMs} ms`);
      reports.push(this.#emitError(failure, report));
    } else if (failed) {
      failure = reject("handler_failed", `A handler for ${event.command} failed`);
    }
    if (reports.length > 0) await settlesWithin(Promise.all(reports), timeoutMs);
    return failure ? { failure, results } : { results: results.slice(0, commandHandlers) };
  }

  async #refuse(error: unknown, report: Report | undefined): Promise<WebhookResponse> {
    // Anything that is not a Rejection is a bug of ours: answer 500 rather than crash or hang.
    const rejection = isRejection(error) ? error : reject("handler_failed", "Internal error");
    const reason = rejection.data!.reason;
    if (report && !SILENT_REASONS.has(reason)) {
      await settlesWithin(this.#emitError(rejection, isRejection(error) ? report : { ...report, cause: error }), this.#options.handlerTimeoutMs);
    }
    return rejectionResponse(rejection);
  }

  /** Calls every onError handler; their own failures are reported to the console, never thrown. */
  async #emitError(rejection: Rejection, report: Report): Promise<void> {
    const event: WebhookErrorEvent = {
      ...report,
      reason: rejection.data!.reason,
      status: rejection.output.statusCode,
      message: rejection.message,
      error: rejection,
    };
    if (this.#error.length === 0) {
      if (event.reason === "handler_failed" || event.reason === "handler_timeout") {
        console.error(`tencent-webhooks: ${event.message} (register onError to handle this)`, event.cause ?? "");
      }
      return;
    }
    await Promise.all(
      this.#error.map(async (handler) => {
        try {
          await handler(event);
        } catch (cause) {
          console.error("tencent-webhooks: an onError handler threw", cause);
        }
      }),
    );
  }
}

function commandList<T extends string>(command: T | readonly T[]): readonly T[] {
  return typeof command === "string" ? [command] : command;
}

function assertFunction(handler: unknown, method: string): void {
  if (typeof handler !== "function") throw new TypeError(`tencent-webhooks: ${method}() needs a handler function`);
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | null)?.then === "function";
}

/** Resolves true when `promise` settles in time, false at the timeout; never rejects. */
function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(resolve, ms, false);
  });
  return Promise.race([promise.then(() => true, () => true), timeout]).finally(() => clearTimeout(timer));
}

function bodyBytes(body: WebhookRequest["body"]): number {
  if (typeof body === "string") return body.length > 0 ? Buffer.byteLength(body, "utf8") : 0;
  if (body instanceof Uint8Array) return body.byteLength;
  return 0;
}

/**
 * Records the raw body text on the report and returns a getter that refuses bad UTF-8 —
 * refused only when called, so that SdkAppid and signature checks answer first.
 * A body another middleware already parsed is turned back into JSON text: it takes the same
 * path (and checks) as raw text, and the caller's object is never mutated.
 */
function bodyText(body: WebhookRequest["body"], received: ReceivedRequest): () => string {
  if (typeof body === "string") {
    received.rawBody = body;
    return () => body;
  }
  if (body instanceof Uint8Array) {
    try {
      const text = decodeUtf8(body);
      received.rawBody = text;
      return () => text;
    } catch (error) {
      received.rawBody = new TextDecoder().decode(body);
      return () => {
        throw error;
      };
    }
  }
  if (body === undefined || body === null) {
    received.rawBody = "";
    return () => "";
  }
  warnAboutParsedBody();
  const text = safeStringify(body);
  received.rawBody = text;
  return () => serialize(body, text);
}

function warnAboutParsedBody(): void {
  if (warnedAboutParsedBody) return;
  warnedAboutParsedBody = true;
  globalThis.process?.emitWarning?.(PARSED_BODY_WARNING, { code: "TENCENT_WEBHOOKS_PARSED_BODY" });
}

/** An object as JSON text; one that has none (a cycle, a BigInt) is an invalid body. */
function serialize(value: unknown, text = safeStringify(value)): string {
  if (text === "") throw reject("invalid_body", "Body must be a JSON object");
  return text;
}

function queryCommand(query: Query): string | undefined {
  const command = single(query, "callbackcommand");
  if (command === CONFLICT) throw reject("command_mismatch", "CallbackCommand is given twice with different values");
  return command === "" ? undefined : command;
}

/**
 * The body repeats the query's CallbackCommand; it is authoritative when the query has none.
 * Names are compared and returned canonical: a page that calls a command by an older or
 * inconsistent name (an alias in the registry) still reaches that command's handlers.
 */
function resolveCommand(payload: Record<string, unknown>, fromQuery: string | undefined): string {
  const fromBody = payload.CallbackCommand;
  if (fromBody !== undefined && typeof fromBody !== "string") {
    throw reject("command_missing", "CallbackCommand in the body must be a string");
  }
  const body = fromBody ? canonicalCommand(fromBody) : undefined;
  const query = fromQuery ? canonicalCommand(fromQuery) : undefined;
  if (body && query && body !== query) {
    throw reject("command_mismatch", "CallbackCommand in the query and the body disagree");
  }
  const command = body || query;
  if (!command) throw reject("command_missing", "CallbackCommand is missing");
  return command;
}

function describeSchemaErrors(errors: readonly { instancePath: string; message?: string }[]): string {
  return errors
    .slice(0, 3)
    .map((error) => `${error.instancePath || "/"} ${error.message ?? "is invalid"}`)
    .join("; ");
}

function safeStringify(value: unknown): string {
  try {
    return JSON.stringify(value) ?? "";
  } catch {
    return "";
  }
}
