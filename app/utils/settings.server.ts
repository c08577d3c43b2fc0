import type { SubmissionResult } from "@conform-to/react";
import { json, redirect } from "@remix-run/node";
import type { SettingsOutcome } from "~/accounts/accounts.server";
import { formatTime } from "~/i18n/format";
import { getLocale } from "~/utils/locale.server";
import { settingsForms, type SettingsForm, type SettingsReply } from "./settings-sections";

// Never sent back into the page, not even on a refusal.
const hideFields = ["currentPassword", "newPassword"];

type Submission = {
  reply: (options?: {
    hideFields?: string[];
    fieldErrors?: Record<string, string[]>;
  }) => SubmissionResult<string[]>;
};

/** Post/Redirect/Get: a reload of the page after saving does not post again. */
export function savedRedirect(form: Exclude<SettingsForm, "delete">, init?: ResponseInit) {
  return redirect(`/settings?saved=${form}#${settingsForms[form].anchor}`, init);
}

/** A form that did not validate: its errors, with everything typed except passwords. */
export function invalidReply(submission: Submission) {
  return json<SettingsReply>(
    { result: submission.reply({ hideFields }), time: null },
    { status: 400 },
  );
}

/**
 * A refused change (wrong current password, a taken address, the last admin): the error on
 * its field, and when too many wrong passwords paused these forms, when to try again (429).
 */
export async function refusedReply(
  request: Request,
  submission: Submission,
  outcome: Extract<SettingsOutcome, { ok: false }>,
) {
  const time = outcome.retryAt ? formatTime(outcome.retryAt, await getLocale(request)) : null;
  return json<SettingsReply>(
    {
      result: submission.reply({ fieldErrors: { [outcome.field]: [outcome.error] }, hideFields }),
      time,
    },
    { status: time ? 429 : 400 },
  );
}
