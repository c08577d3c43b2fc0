// One JSON line per answered request, for counting statuses and slow paths. What it may hold
// is fixed here: method, path (no query, tokens masked), status, duration, bytes sent, and a
// request id. Never the client's address, cookies, headers, query strings or bodies.
import crypto from "node:crypto";
import { loggedPath } from "./log.js";

/** An id a proxy in front already gave the request is kept, if it looks like one. */
const GIVEN_ID = /^[A-Za-z0-9._-]{8,64}$/;

/**
 * @param {unknown} chunk
 * @param {unknown} encoding
 */
function sizeOf(chunk, encoding) {
  if (typeof chunk === "string") {
    return Buffer.byteLength(
      chunk,
      typeof encoding === "string" ? /** @type {BufferEncoding} */ (encoding) : "utf8",
    );
  }
  return chunk instanceof Uint8Array ? chunk.byteLength : 0;
}

/**
 * Express middleware; mount it first, so the bytes counted are the ones that leave (after
 * compression) and every answer, static files and refusals included, is logged.
 * @param {import("./log.js").Logger} log
 * @returns {import("express").RequestHandler}
 */
export function requestLog(log) {
  return (req, res, next) => {
    const given = req.get("x-request-id");
    const id = given && GIVEN_ID.test(given) ? given : crypto.randomUUID();
    res.set("X-Request-Id", id);
    if (!log.enabled("info")) return next();
    const started = performance.now();
    let bytes = 0;
    const write = res.write;
    const end = res.end;
    res.write = /** @type {typeof res.write} */ (
      function (/** @type {unknown} */ chunk, /** @type {unknown[]} */ ...rest) {
        bytes += sizeOf(chunk, rest[0]);
        return write.apply(res, /** @type {Parameters<typeof write>} */ ([chunk, ...rest]));
      }
    );
    res.end = /** @type {typeof res.end} */ (
      function (/** @type {unknown} */ chunk, /** @type {unknown[]} */ ...rest) {
        if (typeof chunk !== "function") bytes += sizeOf(chunk, rest[0]);
        return end.apply(res, /** @type {Parameters<typeof end>} */ ([chunk, ...rest]));
      }
    );
    res.once("close", () => {
      log.info("request", {
        method: req.method,
        path: loggedPath(req.path),
        status: res.statusCode,
        durationMs: Math.round((performance.now() - started) * 10) / 10,
        bytes,
        requestId: id,
        // The client went away before the answer was complete.
        ...(res.writableFinished ? {} : { aborted: true }),
      });
    });
    next();
  };
}
