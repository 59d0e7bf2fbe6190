import type { ReactNode } from 'react';
import type { LinkSessionResults } from '../../../../shared/schemas/link-token-get-response';
import { extraFields } from '../lib/extra-fields';
import { hasResults } from '../../../../shared/domain/session-outcome';
import { institutionLabel } from '../../../../shared/domain/institution';
import { AccountList } from './AccountList';
import { ExtraFields } from '../../../components/KeyValueView';
import text from '../../../components/text.module.css';
import styles from './SessionResults.module.css';
import { Subsection } from './Subsection';

const RESULT_KEYS = [
  'item_add_results',
  'cra_item_add_results',
  'cra_update_results',
  'bank_income_results',
  'payroll_income_results',
  'document_income_results',
  'cra_document_upload_results',
];

function ResultGroup({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div>
      <h6 className={styles.groupTitle}>{title}</h6>
      {children}
    </div>
  );
}

function Institution({ institution }: { institution: Parameters<typeof institutionLabel>[0] }) {
  return <>{institutionLabel(institution) ?? <span className={text.empty}>institution not given</span>}</>;
}

// What the session produced: Items and their accounts, Consumer Report (CRA) Items, income results.
export function SessionResults({ results }: { results: LinkSessionResults }) {
  if (!results) return null;
  return (
    <Subsection title="Results">
      {!hasResults(results) && (
        <p className={text.empty}>None: the session added no Item and uploaded nothing.</p>
      )}
      {results.item_add_results.length > 0 && (
        <ResultGroup title={`Items added (${results.item_add_results.length})`}>
          <ol className={text.plainList}>
            {results.item_add_results.map((item, index) => (
              <li key={index}>
                <p>
                  <strong>
                    <Institution institution={item.institution} />
                  </strong>
                </p>
                <p className={text.muted}>
                  public_token <code className={text.break}>{item.public_token}</code>
                </p>
                <AccountList accounts={item.accounts} />
                <ExtraFields entries={extraFields(item, ['public_token', 'accounts', 'institution'])} />
              </li>
            ))}
          </ol>
        </ResultGroup>
      )}
      {(
        [
          ['Consumer Report Items added', results.cra_item_add_results],
          ['Consumer Report Items updated', results.cra_update_results],
        ] as const
      ).map(
        ([title, items]) =>
          items.length > 0 && (
            <ResultGroup key={title} title={`${title} (${items.length})`}>
              <ol className={text.plainList}>
                {items.map((item, index) => (
                  <li key={index}>
                    <p>
                      <strong>
                        <Institution institution={item.institution} />
                      </strong>{' '}
                      · item_id <code className={text.break}>{item.item_id}</code>
                    </p>
                    <AccountList accounts={item.accounts} />
                    <ExtraFields entries={extraFields(item, ['item_id', 'accounts', 'institution'])} />
                  </li>
                ))}
              </ol>
            </ResultGroup>
          ),
      )}
      {results.bank_income_results.length > 0 && (
        <ResultGroup title="Bank income">
          <ol className={text.plainList}>
            {results.bank_income_results.map((result, index) => (
              <li key={index}>
                <Institution institution={result.institution} /> · status <code>{result.status}</code> ·
                item_id <code className={text.break}>{result.item_id}</code>
                <ExtraFields entries={extraFields(result, ['status', 'item_id', 'institution'])} />
              </li>
            ))}
          </ol>
        </ResultGroup>
      )}
      {results.payroll_income_results.length > 0 && (
        <ResultGroup title="Payroll income">
          <ol className={text.plainList}>
            {results.payroll_income_results.map((result, index) => (
              <li key={index}>
                <Institution institution={result.institution} /> · {result.num_paystubs_retrieved} paystubs,{' '}
                {result.num_w2s_retrieved} W-2s retrieved
                <ExtraFields
                  entries={extraFields(result, [
                    'num_paystubs_retrieved',
                    'num_w2s_retrieved',
                    'institution',
                  ])}
                />
              </li>
            ))}
          </ol>
        </ResultGroup>
      )}
      {results.document_income_results && (
        <ResultGroup title="Document income">
          <p>
            Uploaded: {results.document_income_results.num_paystubs_uploaded} paystubs,{' '}
            {results.document_income_results.num_w2s_uploaded} W-2s,{' '}
            {results.document_income_results.num_bank_statements_uploaded} bank statements,{' '}
            {results.document_income_results.num_1099s_uploaded} 1099s
          </p>
          <ExtraFields
            entries={extraFields(results.document_income_results, [
              'num_paystubs_uploaded',
              'num_w2s_uploaded',
              'num_bank_statements_uploaded',
              'num_1099s_uploaded',
            ])}
          />
        </ResultGroup>
      )}
      {results.cra_document_upload_results && (
        <ResultGroup title="Consumer Report document upload">
          <p>Uploaded: {results.cra_document_upload_results.num_bank_statements_uploaded} bank statements</p>
          <ExtraFields
            entries={extraFields(results.cra_document_upload_results, ['num_bank_statements_uploaded'])}
          />
        </ResultGroup>
      )}
      <ExtraFields entries={extraFields(results, RESULT_KEYS)} />
    </Subsection>
  );
}
