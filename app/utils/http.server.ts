/**
 * Thrown from loaders and actions for requests that cannot be served; the root error boundary
 * shows each status with a translated explanation. A 500 is left to mean a bug of ours.
 */
export function httpError(status: 400 | 403 | 404 | 413 | 415, reason: string): Response {
  return new Response(reason, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

export const badRequest = (reason = "This request could not be understood.") =>
  httpError(400, reason);
export const forbidden = (reason = "This is not open to you.") => httpError(403, reason);
export const notFound = (reason = "Not found.") => httpError(404, reason);
