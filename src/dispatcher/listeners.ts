import type { Catalogue } from "../../schemas/catalogue.js";
import type { AnyCallback } from "../pipeline/run-handlers.js";
import { preloadValidator } from "../pipeline/validate.js";
import type { DuplicateHandler, ErrorHandler, InvalidHandler } from "../types.js";

function assertFunction(handler: unknown, method: string): void {
  if (typeof handler !== "function") throw new TypeError(`tencent-webhooks: ${method}() needs a handler function`);
}

function list<T>(value: T | readonly T[]): readonly T[] {
  return Array.isArray(value) ? (value as readonly T[]) : [value as T];
}

const METHODS = { any: "onAny", error: "onError", duplicate: "onDuplicate", invalid: "onInvalid" } as const;

/** Who listens to what: handlers by canonical command, `onAny`, `onError`, `onDuplicate`, `onInvalid`. */
export class Listeners {
  readonly byCommand = new Map<string, AnyCallback[]>();
  readonly any: AnyCallback[] = [];
  readonly error: ErrorHandler[] = [];
  readonly duplicate: DuplicateHandler[] = [];
  readonly invalid: InvalidHandler[] = [];
  /** Commands accepted with no handler, already logged once. */
  readonly unheard = new Set<string>();

  constructor(
    readonly catalogue: Catalogue,
    readonly protocol: string,
  ) {}

  /** A name, an alias or a code on the wire, as the canonical command name; anything else is a TypeError. */
  resolve(name: unknown): string {
    const definition = typeof name === "string" || typeof name === "number" ? this.catalogue.find(name) : undefined;
    if (definition) return definition.command;
    const hint = this.protocol === "callback" ? "use onAny() for commands this package does not know" : "use onAny() for events this package does not know";
    throw new TypeError(`tencent-webhooks: unknown ${this.protocol === "callback" ? "command" : `${this.protocol} event`} ${JSON.stringify(name)}; ${hint}`);
  }

  on(names: unknown, handler: unknown): void {
    assertFunction(handler, "on");
    // A name and its alias (or its code) are one command: registered once.
    const resolved = new Set(list(names).map((name) => this.resolve(name)));
    for (const command of resolved) {
      const handlers = this.byCommand.get(command) ?? [];
      handlers.push(handler as AnyCallback);
      this.byCommand.set(command, handlers);
      preloadValidator(this.catalogue.byName.get(command));
    }
  }

  add(kind: keyof typeof METHODS, handler: unknown): void {
    assertFunction(handler, METHODS[kind]);
    (this[kind] as unknown[]).push(handler);
  }

  remove(names: unknown, handler: unknown): void {
    const drop = (handlers: unknown[] | undefined) => {
      const index = handlers?.lastIndexOf(handler) ?? -1;
      if (index !== -1) handlers!.splice(index, 1);
    };
    for (const name of list(names)) {
      if (name === "*") drop(this.any);
      else if (name === "error") drop(this.error);
      else if (name === "duplicate") drop(this.duplicate);
      else if (name === "invalid") drop(this.invalid);
      else drop(this.byCommand.get(this.catalogue.find(name as string | number)?.command ?? String(name)));
    }
  }
}
