import type { QaExpectations } from '../../../../shared/checks/qa-profile';

// A profile's expectations as short lines for the list ("Country codes: US, CA").
export function expectationLines(e: QaExpectations): string[] {
  const lines: string[] = [];
  for (const [list, products] of Object.entries(e.products ?? {}))
    lines.push(`${list.replaceAll('_', ' ')}: ${products.join(', ')}`);
  if (e.country_codes) lines.push(`Country codes: ${e.country_codes.join(', ')}`);
  if (e.language) lines.push(`Language: ${e.language}`);
  if (e.webhook !== undefined) lines.push(`Webhook: ${e.webhook ?? 'none'}`);
  if (e.redirect_uri !== undefined) lines.push(`Redirect URI: ${e.redirect_uri ?? 'none'}`);
  if (e.client_name) lines.push(`Client name: ${e.client_name}`);
  for (const [type, filter] of Object.entries(e.account_filters ?? {}))
    lines.push(`Account filter ${type}: ${filter.account_subtypes.join(', ')}`);
  if (e.lifetime_minutes !== undefined) lines.push(`Lifetime: ${e.lifetime_minutes} min`);
  if (e.outcome) {
    const { outcome } = e;
    const detail = [
      outcome.kind === 'failed' ? outcome.error_code : undefined,
      outcome.kind === 'abandoned' && outcome.step ? `at ${outcome.step}` : undefined,
      outcome.institution ? `at ${outcome.institution}` : undefined,
    ].filter(Boolean);
    lines.push(`Outcome: ${[outcome.kind, ...detail].join(' ')}`);
  }
  return lines;
}
