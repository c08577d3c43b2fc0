import { json } from "@remix-run/node";
import type { HelpOutcomeResult } from "~/care/help-requests.server";
import { notFound } from "./http.server";

/**
 * The answer of a help request page (the member's or the organizer's) to one of its forms.
 * Not theirs to see, or no such request: the same 404, so nothing is learnt. A refusal keeps
 * what was typed so it is not lost.
 */
export function helpOutcomeReply<Intent extends string>(
  outcome: HelpOutcomeResult,
  intent: Intent,
  typed: string,
) {
  if (!outcome.ok) {
    if (outcome.notFound) throw notFound();
    return json({ done: null, error: outcome.error, typed }, { status: 400 });
  }
  return json({ done: intent, error: null, typed: "" });
}
