import { expect } from "vitest";
import { db } from "~/db.server";
import * as signup from "~/routes/signup";
import * as confirm from "~/routes/signup_.confirm";
import { deliverOutbox } from "./outbox";
import { cookieFrom, formRequest, getRequest, respond } from "./requests";

let clients = 0;

/** A client address of its own for each sign-up, so the per-address limits stay out of the way. */
export function nextClientIp(): string {
  clients++;
  return `198.18.${Math.floor(clients / 250)}.${(clients % 250) + 1}`;
}

/** The confirmation link in the newest email to `email`, once the sender has delivered it. */
export async function confirmationLinkFor(email: string): Promise<URL> {
  await deliverOutbox();
  const mail = await db().devMail.findFirst({
    where: { to: email.trim().toLowerCase() },
    orderBy: { createdAt: "desc" },
  });
  const match = mail?.text.match(/http:\/\/\S+\/signup\/confirm\?token=[\w-]+/);
  if (!match) throw new Error(`No confirmation link for ${email}:\n${mail?.text ?? "(no email)"}`);
  return new URL(match[0]);
}

/** Opens the link and presses its button, as the person would; returns the final response. */
export async function openConfirmationLink(link: URL, ip = nextClientIp()): Promise<Response> {
  const context = { clientIp: ip };
  const page = await respond(() =>
    confirm.loader({ request: getRequest(link.pathname + link.search), params: {}, context }),
  );
  const { token, valid } = await page.json();
  expect(valid).toBe(true);
  return respond(() =>
    confirm.action({ request: formRequest("/signup/confirm", { token }), params: {}, context }),
  );
}

/**
 * Signs someone up the whole way through the real routes: the form, the emailed link, the
 * button. Returns the session cookie the confirmation starts.
 */
export async function signUpAndConfirm(
  fields: { displayName: string; email: string; password: string },
  options: { acceptLanguage?: string } = {},
): Promise<{ cookie: string; response: Response }> {
  const request = formRequest("/signup", fields);
  if (options.acceptLanguage) request.headers.set("Accept-Language", options.acceptLanguage);
  const signedUp = await respond(() =>
    signup.action({ request, params: {}, context: { clientIp: nextClientIp() } }),
  );
  expect(signedUp.status).toBe(200);
  const response = await openConfirmationLink(await confirmationLinkFor(fields.email));
  expect(response.status).toBe(302);
  return { cookie: cookieFrom(response, "tsunagu_session"), response };
}
