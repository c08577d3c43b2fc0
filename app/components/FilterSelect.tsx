import { PlainSelect, type Choice } from "./fields";

// A module of its own: the event page loads ./fields for its RSVP form, not the filters.

/**
 * One select of a GET filter form (events, the directory, the help queue): "any" first, then
 * the choices; the id is `filter-<name>`.
 */
export function FilterSelect({
  name,
  label,
  anyLabel,
  value,
  options,
}: {
  name: string;
  label: string;
  anyLabel: string;
  value: string | undefined;
  options: readonly Choice[];
}) {
  const id = `filter-${name}`;
  return (
    <PlainSelect id={id} name={name} label={label} defaultValue={value ?? ""}>
      <option value="">{anyLabel}</option>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </PlainSelect>
  );
}
