import {
  banksByFailures,
  orderCounts,
  type BankFailures,
  type ValueCount,
} from '../../../../shared/diagnosis/breakdown-rules';
import { breakdownFacts, type BatchRow } from './batch-row';
import { lookupErrorCode } from './failure-kind';

// "What failed, how often, at which bank", by the rules History ranks its banks by
// (shared/diagnosis/breakdown-rules.ts): the banks where Link sessions failed, most failures first
// (linked tokens do not count), and apart from them the lookups that failed, whose tokens we could
// not read and so name no bank.

export type FailuresByBank = {
  // The worst banks, at most BANKS_SHOWN of them.
  banks: BankFailures[];
  // Banks with failures beyond those shown.
  moreBanks: number;
  // Failed sessions that name no bank (Link failed before one was chosen).
  failedWithoutBank: number;
  lookupFailed: { tokens: number; codes: ValueCount[] };
};

export function failuresByBank(rows: readonly BatchRow[]): FailuresByBank {
  const banks = banksByFailures(rows.map(breakdownFacts));
  const failed = rows.filter((row) => row.verdict === 'failed');
  const failingBanks = new Set(failed.map((row) => row.institution).filter((name) => name !== null));
  const codes = new Map<string, number>();
  let lookupFailed = 0;
  for (const row of rows) {
    if (row.verdict !== 'lookup failed') continue;
    lookupFailed += 1;
    const code = lookupErrorCode(row);
    if (code !== null) codes.set(code, (codes.get(code) ?? 0) + 1);
  }
  return {
    banks,
    moreBanks: failingBanks.size - banks.length,
    failedWithoutBank: failed.filter((row) => row.institution === null).length,
    lookupFailed: { tokens: lookupFailed, codes: orderCounts('error_code', codes) },
  };
}

// The error codes of failed lookups: our own (the token could not be read), never Link's.
export function lookupErrorCodes(rows: readonly BatchRow[]): Set<string> {
  return new Set(rows.map(lookupErrorCode).filter((code) => code !== null));
}
