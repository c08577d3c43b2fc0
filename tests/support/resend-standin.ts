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

/**
 * A local stand-in for the Resend API (`RESEND_BASE_URL`), so the real SDK is exercised over
 * HTTP. Like Resend it answers a repeated idempotency key with the first answer instead of
 * sending again. It can be told to fail (an outage), to refuse (a bad address), or to accept a
 * message and then drop the connection (the answer lost on the way back).
 */
export async function startResendStandIn() {
  const deliveries: Delivery[] = [];
  const byKey = new Map<string, { id: string; body: string }>();
  const state = {
    requests: 0,
    repeatedKeys: 0,
    outage: false,
    /** Milliseconds to wait before answering, so a sender can be killed mid-request. */
    delayMs: 0,
    refuseTo: new Set<string>(),
    /** Answer this many next requests with 429, as Resend does above 2 requests a second. */
    rateLimitNext: 0,
    dropAnswerOnce: new Set<string>(),
  };

  const server = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (chunk: Buffer) => (raw += chunk.toString("utf8")));
    req.on("end", () => {
      state.requests += 1;
      const answer = (status: number, payload: unknown) => {
        setTimeout(() => {
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
      const body = JSON.parse(raw) as Delivery["body"];
      const to = Array.isArray(body.to) ? body.to[0]! : body.to;
      if (state.refuseTo.has(to)) {
        return answer(422, {
          statusCode: 422,
          name: "validation_error",
          message: "Invalid `to` field.",
        });
      }
      const key = (req.headers["idempotency-key"] as string | undefined) ?? null;
      const seen = key ? byKey.get(key) : undefined;
      if (seen) {
        state.repeatedKeys += 1;
        if (seen.body !== raw) {
          return answer(409, {
            statusCode: 409,
            name: "invalid_idempotent_request",
            message: "Same idempotency key, different payload.",
          });
        }
        return answer(200, { id: seen.id });
      }
      const id = crypto.randomUUID();
      if (key) byKey.set(key, { id, body: raw });
      deliveries.push({ id, idempotencyKey: key, body });
      if (state.dropAnswerOnce.delete(to)) {
        // Accepted and "sent", but the sender never hears so.
        req.socket.destroy();
        return;
      }
      answer(200, { id });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    deliveries,
    state,
    deliveriesTo: (email: string) =>
      deliveries.filter((d) =>
        (Array.isArray(d.body.to) ? d.body.to : [d.body.to]).includes(email),
      ),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
