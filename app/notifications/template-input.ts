import type { TFunction } from "i18next";
import type { Db } from "~/db.server";
import type { Locale } from "~/i18n/config";
import type { Mail } from "~/mail/mail.server";
import type { MessageKind } from "./kinds";

// What every renderer takes and gives, apart from templates.server.ts (which picks the
// renderer), so the renderers in notifications and in the domains import no dispatcher back.

export type Recipient = { id: string; email: string; displayName: string };

export type TemplateInput = {
  db: Db;
  kind: MessageKind;
  payload: Record<string, string>;
  recipient: Recipient;
  locale: Locale;
  t: TFunction;
  appUrl: string;
  unsubscribeUrl: string;
};

/**
 * A message to send, or why it cannot be rendered (its event or match is gone). Whether it
 * still makes sense at all is decided before rendering, and before every retry, by
 * `reasonHasPassed` (relevance.server.ts).
 */
export type Rendered = { mail: Mail } | { skip: string };
