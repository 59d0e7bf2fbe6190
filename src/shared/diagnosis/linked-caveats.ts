import type { LinkSession } from '../schemas/link-token-get-response';
import type { Actor } from './actors';
import { DOCS } from './docs-links';

// "Linked" is not always done: an account that waits on micro-deposits, bank income that found
// none, a transfer the user did not complete. Each caveat is read from the session's own results
// (Plaid's verification_status, bank income status and transfer_status) and says who acts next.
export interface LinkedCaveat {
  // After "The user linked X, but …".
  but: string;
  actor: Actor;
  nextStep: string;
  explanation: string;
  docsUrl: string | null;
}

const MICRO_DEPOSITS: Readonly<Record<string, Omit<LinkedCaveat, 'docsUrl'>>> = {
  pending_manual_verification: {
    but: 'it waits for the user to confirm the micro-deposit amounts',
    actor: 'end user',
    nextStep:
      'Once the deposit reaches the account (1–2 business days), the user confirms its amount in Link: the app opens Link for the Item (a link token made with its access_token). Until then the account numbers cannot be used.',
    explanation:
      'The account was added by manual entry and is verified by micro-deposits (verification_status pending_manual_verification).',
  },
  pending_automatic_verification: {
    but: 'it waits for Plaid to verify it automatically (micro-deposits)',
    actor: 'integrating team',
    nextStep:
      'Wait for Plaid’s AUTOMATICALLY_VERIFIED or VERIFICATION_EXPIRED webhook (up to 7 days) before using the account numbers.',
    explanation:
      'Plaid sent a micro-deposit and verifies it on its own (verification_status pending_automatic_verification).',
  },
  unsent: {
    but: 'the micro-deposit to verify the account has not been sent yet',
    actor: 'integrating team',
    nextStep:
      'Wait: Plaid sends the micro-deposit, then the user confirms it. Do not use the account numbers until the account is verified.',
    explanation: 'The account is waiting for micro-deposit verification (verification_status unsent).',
  },
  verification_failed: {
    but: 'its micro-deposit verification failed',
    actor: 'end user',
    nextStep:
      'The user adds the account again in Link (the app creates a new link token): all 3 attempts to confirm the amounts were used.',
    explanation:
      'The user entered wrong micro-deposit amounts three times (verification_status verification_failed).',
  },
  verification_expired: {
    but: 'its micro-deposit verification expired',
    actor: 'end user',
    nextStep:
      'The user adds the account again in Link (the app creates a new link token): Plaid could not verify the deposit within 7 days.',
    explanation:
      'Plaid could not verify the micro-deposit within 7 calendar days and stopped trying (verification_status verification_expired).',
  },
};

const BANK_INCOME: Readonly<Record<string, Omit<LinkedCaveat, 'docsUrl'>>> = {
  NO_DEPOSITS_FOUND: {
    but: 'Plaid found no income deposits in the linked account',
    actor: 'end user',
    nextStep:
      'The user links the account their pay is deposited into, or the app offers another way to verify income (payroll or documents).',
    explanation: 'Bank income status NO_DEPOSITS_FOUND: Plaid looked, and found no income in this account.',
  },
  USER_REPORTED_NO_INCOME: {
    but: 'the user said they receive no income into it',
    actor: 'end user',
    nextStep:
      'Ask the user to link the account their income goes to, or verify income another way (payroll or documents).',
    explanation: 'Bank income status USER_REPORTED_NO_INCOME: the user said so in Link.',
  },
  STARTED: {
    but: 'the user did not finish the bank income step',
    actor: 'end user',
    nextStep: 'The user opens Link again and completes the income step.',
    explanation:
      'Bank income status STARTED: the user began the bank income part of Link and did not finish it.',
  },
  INTERNAL_ERROR: {
    but: 'bank income failed with an internal error at Plaid',
    actor: 'plaid support',
    nextStep: 'Contact Plaid support with the link_session_id; the user may try again meanwhile.',
    explanation: 'Bank income status INTERNAL_ERROR: the user met an error inside Plaid.',
  },
};

const TRANSFER_INCOMPLETE: Omit<LinkedCaveat, 'docsUrl'> = {
  but: 'the transfer was not completed (transfer_status INCOMPLETE)',
  actor: 'integrating team',
  nextStep:
    'Check the transfer intent (/transfer/intent/get) and, if the user still wants to pay, open Link with a new transfer intent.',
  explanation:
    'Link added the account, but the user did not authorize the transfer in the Transfer UI (transfer_status INCOMPLETE).',
};

// The first caveat that applies, or null when linking really is done.
export function linkedCaveat(session: LinkSession): LinkedCaveat | null {
  const accounts = [
    ...(session.on_success?.metadata?.accounts ?? []),
    ...(session.results?.item_add_results ?? []).flatMap((result) => result.accounts ?? []),
  ];
  const status = accounts
    .map((account) => account.verification_status)
    .find((value) => value && Object.hasOwn(MICRO_DEPOSITS, value));
  if (status) return { ...MICRO_DEPOSITS[status]!, docsUrl: DOCS.microDeposits };
  const income = (session.results?.bank_income_results ?? [])
    .map((result) => result.status)
    .find((value) => Object.hasOwn(BANK_INCOME, value));
  if (income) return { ...BANK_INCOME[income]!, docsUrl: null };
  if (session.on_success?.metadata?.transfer_status === 'INCOMPLETE')
    return { ...TRANSFER_INCOMPLETE, docsUrl: null };
  return null;
}
