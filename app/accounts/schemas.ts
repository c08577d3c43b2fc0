import { z } from "zod";
import { supportedLocales } from "~/i18n/config";
import { roles } from "./roles";

// Messages are translation keys; forms render them with t().
export const emailField = z
  .string({ required_error: "errors.required" })
  .trim()
  .toLowerCase()
  .max(254, "errors.emailInvalid")
  .email("errors.emailInvalid");

export const newPasswordField = z
  .string({ required_error: "errors.required" })
  .min(8, "errors.passwordTooShort")
  .max(200, "errors.passwordTooLong");

// Log-in accepts whatever was set before; only the upper bound protects the hasher.
export const existingPasswordField = z
  .string({ required_error: "errors.required" })
  .max(200, "errors.passwordTooLong");

export const displayNameField = z
  .string({ required_error: "errors.required" })
  .trim()
  .min(1, "errors.required")
  .max(50, "errors.displayNameTooLong");

export const signupSchema = z.object({
  displayName: displayNameField,
  email: emailField,
  password: newPasswordField,
});

export const loginSchema = z.object({
  email: emailField,
  password: existingPasswordField,
  redirectTo: z.string().optional(),
});

/** Pages that only ask for an address (forgot password, a new sign-up link). */
export const emailOnlySchema = z.object({ email: emailField });

export const resetPasswordSchema = z.object({
  token: z.string({ required_error: "errors.required" }),
  password: newPasswordField,
});

const localeField = z.enum(supportedLocales, {
  errorMap: () => ({ message: "errors.invalidLanguage" }),
});

export const profileSchema = z.object({
  displayName: displayNameField,
  locale: localeField,
});

export const changeEmailSchema = z.object({
  email: emailField,
  currentPassword: existingPasswordField,
});

export const changePasswordSchema = z.object({
  currentPassword: existingPasswordField,
  newPassword: newPasswordField,
});

export const deleteAccountSchema = z.object({
  confirm: z.literal("yes", { errorMap: () => ({ message: "errors.confirmDelete" }) }),
  currentPassword: existingPasswordField,
});

export const languageSchema = z.object({
  lng: localeField,
  redirectTo: z.string().optional(),
});

/** "Send the link again" for an address waiting for its sign-up confirmation. */

export const confirmSignupSchema = z.object({
  token: z.string({ required_error: "errors.required" }).max(200),
});

export const peopleSearchSchema = z.object({
  q: z.string().trim().max(100).catch(""),
});

export const roleChangeSchema = z.object({
  userId: z.string({ required_error: "errors.required" }).min(1).max(100),
  role: z.enum(roles, { errorMap: () => ({ message: "errors.invalidChoice" }) }),
});

/** Settings' optional question for gatherings for women (app/events/women-only.server.ts). */
export const womanAnswerSchema = z.object({
  answer: z.enum(["yes", "no", "unsaid"], {
    errorMap: () => ({ message: "errors.invalidChoice" }),
  }),
});
