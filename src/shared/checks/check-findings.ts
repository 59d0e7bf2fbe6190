import { DOCS } from '../diagnosis/docs-links';
import type { Finding } from '../diagnosis/findings';
import type { CheckReport } from './check-report';

// A failed check is a finding at Problem level: the token is not what the test case needs. Its id
// names the expectation ("check:webhook"), so it never collides with the diagnosis's own findings.
export type CheckFinding = Omit<Finding, 'id'> & { id: `check:${string}` };

export function checkFindings(report: CheckReport): CheckFinding[] {
  return report.rows
    .filter((row) => row.status === 'fail')
    .map((row) => ({
      id: `check:${row.expectation}`,
      severity: 'problem',
      title: `${row.label} is not what the profile “${report.profile.name}” expects`,
      field: row.expectation === 'outcome' ? 'link_sessions' : row.expectation,
      value: row.actual,
      meaning: `Expected ${row.expected}; Plaid’s answer has ${row.actual}${row.note ? ` (${row.note})` : ''}.`,
      // The configuration is set when the app creates the token; the outcome is the session's.
      docsUrl: row.expectation === 'outcome' ? DOCS.linkTokenGet : DOCS.linkTokenCreate,
    }));
}
