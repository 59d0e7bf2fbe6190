// The schemas keep fields Plaid adds after our spec version; the UI shows them instead of
// dropping them. Given the keys a component already renders, this returns the rest.
export function extraFields(
  value: object | null | undefined,
  knownKeys: readonly string[],
): Array<[string, unknown]> {
  if (!value) return [];
  return Object.entries(value).filter(([key]) => !knownKeys.includes(key));
}
