/** Domain errors ({ field, error }) as conform's fieldErrors; "" is the form itself. */
export function fieldErrorsOf(
  errors: { field: string; error: string }[],
): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const { field, error } of errors) (out[field] ??= []).push(error);
  return out;
}
