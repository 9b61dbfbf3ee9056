import type { ProtocolName } from "../../schemas/define.js";
import type { CallbackProduct } from "../protocols/callback/products.js";
import type { AnyWebhookEvent, ReceivedRequest } from "../types.js";

type Fields = Omit<AnyWebhookEvent, "dedupeKey">;

/**
 * An accepted callback as handlers see it. `dedupeKey` hashes the body, so it is computed on
 * first read (a getter on the prototype: objects keep their fast shape) unless it was already
 * needed by a store or a queue; `toJSON` includes it.
 */
export class AcceptedEvent implements AnyWebhookEvent {
  readonly protocol: ProtocolName;
  readonly command: string;
  readonly payload: Record<string, unknown>;
  readonly extra: Readonly<Record<string, unknown>>;
  readonly sdkAppId: string;
  readonly clientIp: string | undefined;
  readonly optPlatform: string | undefined;
  readonly keyIndex: number | undefined;
  readonly product: CallbackProduct | undefined;
  readonly rawBody: string;
  readonly attempt: number;
  readonly request: ReceivedRequest;
  #key: string | undefined;
  readonly #computeKey: () => string;

  constructor(fields: Fields, computeKey: () => string) {
    this.protocol = fields.protocol;
    this.command = fields.command;
    this.payload = fields.payload;
    this.extra = fields.extra;
    this.sdkAppId = fields.sdkAppId;
    this.clientIp = fields.clientIp;
    this.optPlatform = fields.optPlatform;
    this.keyIndex = fields.keyIndex;
    this.product = fields.product;
    this.rawBody = fields.rawBody;
    this.attempt = fields.attempt;
    this.request = fields.request;
    this.#computeKey = computeKey;
  }

  get dedupeKey(): string {
    this.#key ??= this.#computeKey();
    return this.#key;
  }

  /** Sets the key computed ahead (asynchronously, where hashing is). */
  withKey(key: string): this {
    this.#key = key;
    return this;
  }

  toJSON(): AnyWebhookEvent {
    return { ...this, dedupeKey: this.dedupeKey };
  }
}
