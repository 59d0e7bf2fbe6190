// Previous / next in the drawer (and J / K): the neighbour of the open row among the rows shown,
// in the order shown. With no row open, or the open one filtered away, the first (or last) row.
export function adjacentToken(
  tokens: readonly string[],
  current: string | null,
  step: 1 | -1,
): string | null {
  if (tokens.length === 0) return null;
  const index = current === null ? -1 : tokens.indexOf(current);
  if (index === -1) return step === 1 ? tokens[0]! : tokens.at(-1)!;
  return tokens[index + step] ?? null;
}
