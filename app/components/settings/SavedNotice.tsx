import { Notice } from "~/components/notices";
import type { SettingsForm } from "~/utils/settings-sections";
import type { SettingsData } from "./data";

/** The "saved" notice of one form, shown after its redirect back to the page. */
export function SavedNotice({
  data,
  form,
  text,
}: {
  data: SettingsData;
  form: SettingsForm;
  text: string;
}) {
  if (data.saved !== form) return null;
  return (
    <Notice>
      <p>{text}</p>
    </Notice>
  );
}
