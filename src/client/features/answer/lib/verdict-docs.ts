import type { Diagnosis } from '../../../../shared/diagnosis';

// The verdict's link to Plaid's documentation, named for the error when there is one.
export function verdictDocs(diagnosis: Diagnosis): { href: string; label: string } | null {
  if (!diagnosis.docsUrl) return null;
  const code = diagnosis.error?.error_code;
  return { href: diagnosis.docsUrl, label: code ? `Plaid’s docs for ${code}` : 'Plaid’s docs' };
}
