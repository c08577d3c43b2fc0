import { useNavigation } from "@remix-run/react";
import { settingsFormAction, type SettingsForm } from "~/utils/settings-sections";

/** A settings form's button, disabled while that form (and not another one) is being sent. */
export function SubmitButton({
  form,
  label,
  variant = "primary",
}: {
  form: SettingsForm;
  label: string;
  variant?: "primary" | "secondary" | "danger";
}) {
  const navigation = useNavigation();
  const busy =
    navigation.state === "submitting" && navigation.formAction === settingsFormAction(form);
  const className = variant === "primary" ? "button" : `button button--${variant}`;
  return (
    <button type="submit" className={className} disabled={busy}>
      {label}
    </button>
  );
}
