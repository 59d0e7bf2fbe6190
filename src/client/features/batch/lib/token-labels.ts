// How the batch shows each token: short enough for a table column, long enough to tell apart from
// every other token in the same batch. "link-sandbox-1a2b3c4d…9f0e" (the environment, the UUID's
// first 8 and last 4 characters) tells random tokens apart; tokens that share those (made-up ones,
// like the simulator's fixtures) get the UUID's last two groups as well, then the whole token.

const UUID_TOKEN = /^(link-[a-z]+)-([0-9a-f]{8})-[0-9a-f]{4}-[0-9a-f]{4}-([0-9a-f]{4}-[0-9a-f]{12})$/;

function forms(token: string): string[] {
  const match = UUID_TOKEN.exec(token);
  if (!match) return [token];
  const [, prefix, first, lastGroups] = match as unknown as [string, string, string, string];
  return [`${prefix}-${first}…${lastGroups.slice(-4)}`, `${prefix}-${first}…${lastGroups}`, token];
}

export function tokenLabels(tokens: readonly string[]): Map<string, string> {
  const candidates = tokens.map(forms);
  // How many tokens of the batch share each form, per level of detail.
  const shared = [new Map<string, number>(), new Map<string, number>(), new Map<string, number>()];
  for (const own of candidates)
    own.forEach((form, level) => shared[level]!.set(form, (shared[level]!.get(form) ?? 0) + 1));
  return new Map(
    tokens.map((token, index) => {
      const own = candidates[index]!;
      // The shortest form no other token of the batch shares.
      return [token, own.find((form, level) => shared[level]!.get(form) === 1) ?? token];
    }),
  );
}
