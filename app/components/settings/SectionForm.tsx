import { getFormProps, type FormMetadata } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { FormErrors } from "~/components/forms";
import {
  settingsFormAction,
  type SettingsForm,
  type SettingsReply,
} from "~/utils/settings-sections";

/** A settings form posted to its own route, with its form-level errors first. */
export function SectionForm<Schema extends Record<string, unknown>>({
  form,
  name,
  reply,
  children,
}: {
  form: FormMetadata<Schema, string[]>;
  name: SettingsForm;
  reply: SettingsReply | undefined;
  children: React.ReactNode;
}) {
  // When to try again, if too many wrong current passwords paused these forms.
  const params = reply?.time ? { time: reply.time } : undefined;
  return (
    <Form method="post" action={settingsFormAction(name)} className="stack" {...getFormProps(form)}>
      <FormErrors id={form.errorId} errors={form.errors} params={params} />
      {children}
    </Form>
  );
}
