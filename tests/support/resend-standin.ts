import http from "node:http";
import type { AddressInfo } from "node:net";

/** What the Resend API received for one accepted email (the JSON body the SDK sent). */
export type Delivery = {
  id: string;
  idempotencyKey: string | null;
  body: {
    from: string;
    to: string | string[];
    subject: string;
    html: string;
    text: string;
    headers?: Record<string, string>;
    attachments?: { filename: string; content: string; content_type?: string }[];
  };
};

/** Every POST /emails that reached the stand-in, accepted or not, with its raw body. */
export type Request = { idempotencyKey: string | null; raw: string; status: number | "dropped" };

/**
 * A local stand-in for the Resend API (`RESEND_BASE_URL`), so the real SDK is exercised over
 * HTTP. Its idempotency follows Resend's documentation (docs/dashboard/emails/idempotency-keys):
 * a key is remembered once its email was sent; the same key with the same body gets the first
 * answer and sends nothing; with a different body, 409 `invalid_idempotent_request`; while the
 * first request with the key is still being processed, 409 `concurrent_idempotent_requests`.
 * A request that fails (outage, refusal) leaves no key behind. The stand-in can be told to
 * fail (an outage), to refuse (a bad address), to take its time, or to accept a message and
 * then drop the connection (the answer lost on the way back).
 */
export async function startResendStandIn() {
  const deliveries: Delivery[] = [];
  const requests: Request[] = [];
  const byKey = new Map<string, { id: string; body: string }>();
  /** Keys whose first request is still being processed. */
  const inFlight = new Set<string>();
  const state = {
    requests: 0,
    repeatedKeys: 0,
    outage: false,
    /** Processing time before answering, so a sender can be killed (or overtaken) mid-request. */
    delayMs: 0,
    refuseTo: new Set<string>(),
    /** Answer this many next requests with 429, as Resend does above 2 requests a second. */
    rateLimitNext: 0,
    dropAnswerOnce: new Set<string>(),
    /** Accept and send every message, then drop the connection: a network that loses answers. */
    dropAnswers: false,
  };

  const server = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (chunk: Buffer) => (raw += chunk.toString("utf8")));
    req.on("end", () => {
      state.requests += 1;
      const key = (req.headers["idempotency-key"] as string | undefined) ?? null;
      const logged: Request = { idempotencyKey: key, raw, status: 0 };
      if (req.method === "POST" && req.url === "/emails") requests.push(logged);
      const answer = (status: number, payload: unknown, done?: () => void) => {
        setTimeout(() => {
          done?.();
          logged.status = status;
          if (res.destroyed) return;
          res.writeHead(status, { "Content-Type": "application/json" });
          res.end(JSON.stringify(payload));
        }, state.delayMs);
      };
      if (req.method !== "POST" || req.url !== "/emails") {
        return answer(404, { statusCode: 404, name: "not_found", message: "Not found" });
      }
      if (req.headers.authorization !== "Bearer re_test_key") {
        return answer(401, { statusCode: 401, name: "missing_api_key", message: "Bad key" });
      }
      if (state.outage) {
        return answer(503, {
          statusCode: 503,
          name: "internal_server_error",
          message: "Stand-in outage",
        });
      }
      if (state.rateLimitNext > 0) {
        state.rateLimitNext -= 1;
        return answer(429, {
          statusCode: 429,
          name: "rate_limit_exceeded",
          message: "Too many requests. You can only make 2 requests per second.",
        });
      }
      if (key && inFlight.has(key)) {
        return answer(409, {
          statusCode: 409,
          name: "concurrent_idempotent_requests",
          message: "Same idempotency key used while original request is still in progress.",
        });
      }
      const seen = key ? byKey.get(key) : undefined;
      if (seen) {
        state.repeatedKeys += 1;
        if (seen.body !== raw) {
          return answer(409, {
            statusCode: 409,
            name: "invalid_idempotent_request",
            message: "Same idempotency key used with a different request payload.",
          });
        }
        return answer(200, { id: seen.id });
      }
      const body = JSON.parse(raw) as Delivery["body"];
      const to = Array.isArray(body.to) ? body.to[0]! : body.to;
      if (state.refuseTo.has(to)) {
        return answer(422, {
          statusCode: 422,
          name: "validation_error",
          message: "Invalid `to` field.",
        });
      }
      const id = crypto.randomUUID();
      if (key) {
        byKey.set(key, { id, body: raw });
        inFlight.add(key);
      }
      deliveries.push({ id, idempotencyKey: key, body });
      const finished = () => {
        if (key) inFlight.delete(key);
      };
      if (state.dropAnswers || state.dropAnswerOnce.delete(to)) {
        // Accepted and "sent", but the sender never hears so.
        setTimeout(() => {
          finished();
          logged.status = "dropped";
          req.socket.destroy();
        }, state.delayMs);
        return;
      }
      answer(200, { id }, finished);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    deliveries,
    requests,
    state,
    deliveriesTo: (email: string) =>
      deliveries.filter((d) =>
        (Array.isArray(d.body.to) ? d.body.to : [d.body.to]).includes(email),
      ),
    requestsWith: (idempotencyKey: string) =>
      requests.filter((r) => r.idempotencyKey === idempotencyKey),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
