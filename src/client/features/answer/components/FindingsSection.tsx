import type { CheckFinding } from '../../../../shared/checks/check-findings';
import { SEVERITY_LABELS, SEVERITY_TONES, type Finding } from '../../../../shared/diagnosis';
import { Card } from '../../../components/Card';
import { DocsLink } from '../../../components/DocsLink';
import { StatusBadge } from '../../../components/StatusBadge';
import text from '../../../components/text.module.css';
import { toneClass } from '../../../components/tone';
import styles from './FindingsSection.module.css';

// What the token's configuration and sessions say beyond the verdict, most severe first (the
// diagnosis orders them): each with the field and value it rests on as evidence. Failed QA checks
// (checkFindings) come in the same shape.
export function FindingsSection({ findings }: { findings: readonly (Finding | CheckFinding)[] }) {
  const title = (
    <>
      Findings <span className={text.muted}>({findings.length})</span>
    </>
  );
  return (
    <Card title={title} titleLevel={3}>
      {findings.length === 0 ? (
        <p className={text.hint}>Nothing in the token’s configuration or its sessions calls for attention.</p>
      ) : (
        <ol className={styles.findings}>
          {findings.map((finding) => (
            <li
              key={finding.id}
              className={`${styles.finding} ${toneClass(SEVERITY_TONES[finding.severity])}`}
            >
              <p className={styles.title}>
                <StatusBadge tone={SEVERITY_TONES[finding.severity]}>
                  {SEVERITY_LABELS[finding.severity]}
                </StatusBadge>{' '}
                {finding.title}
              </p>
              <p className={styles.evidence}>
                <code>{finding.field}</code>:{' '}
                {finding.value === null ? (
                  <span className={text.empty}>not set</span>
                ) : (
                  <code className={text.break}>{finding.value}</code>
                )}
              </p>
              <p>
                {finding.meaning} <DocsLink href={finding.docsUrl}>Plaid’s docs</DocsLink>
              </p>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
