/**
 * Cases that only mean something over real HTTP (streamed bodies, missing headers), run by
 * adapters.test.ts after THE table in cases.ts, with the same expectations for every adapter.
 */
import { sampleOf, tencentQuery } from "../support/fixtures.js";
import type { ConformanceCase } from "./cases.js";

const ROOM = "Room.CallbackAfterDestroyRoom";
const TWO_MB = 2 * 1024 * 1024;

export const adapterCases: ConformanceCase[] = [
  {
    name: "2 MB body: 413 at the default 1 MiB limit",
    request: { query: tencentQuery({ command: ROOM }), body: JSON.stringify({ CallbackCommand: ROOM, pad: "x".repeat(TWO_MB) }) },
    expect: { status: 413, errorInfo: "Body exceeds 1048576 bytes", on: 0, any: 0, errors: ["body_too_large"] },
  },
  {
    name: "no Content-Type header at all (the query says contenttype=json)",
    request: { query: tencentQuery({ command: ROOM }), contentType: null, body: sampleOf(ROOM) },
    expect: { status: 200, on: 1, any: 1, errors: [] },
  },
  {
    name: "an empty Content-Type header counts as none",
    request: { query: tencentQuery({ command: ROOM }), contentType: "", body: sampleOf(ROOM) },
    expect: { status: 200, on: 1, any: 1, errors: [] },
  },
  // Fastify rejects malformed Content-Types before any parser: the core must still be the one answering.
  ...["application", ";", "application/json, text/plain"].map(
    (contentType): ConformanceCase => ({
      name: `malformed Content-Type ${JSON.stringify(contentType)}: the core's 415`,
      request: { query: tencentQuery({ command: ROOM }), contentType, body: sampleOf(ROOM) },
      expect: { status: 415, errorInfo: "Content-Type must be application/json", on: 0, any: 0, errors: ["unsupported_media_type"] },
    }),
  ),
  {
    name: "PUT is refused",
    request: { method: "PUT", query: tencentQuery({ command: ROOM }), body: sampleOf(ROOM) },
    expect: { status: 405, errorInfo: "Only POST is accepted", on: 0, any: 0, errors: ["method_not_allowed"] },
  },
  {
    name: "DELETE with a body over the limit: 405 comes first, as in the core",
    options: { maxBodyBytes: 16 },
    request: { method: "DELETE", query: tencentQuery({ command: ROOM }), body: sampleOf(ROOM) },
    expect: { status: 405, on: 0, any: 0, errors: ["method_not_allowed"] },
  },
];
