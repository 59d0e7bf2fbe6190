/**
 * A table's entry for a key that came from outside (Plaid's answer, the user, the network).
 * Plain `table[key]` would find Object.prototype's members for keys such as "__proto__",
 * "constructor" or "toString", which then reach the UI as objects or functions.
 */
export function ownEntry<V>(table: Readonly<Record<string, V>>, key: string): V | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
