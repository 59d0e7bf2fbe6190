import type { Account } from '../../shared/schemas/link-token-get-response';
import { fixtureBase62 } from '../ids';

// Sandbox institutions as Plaid names them, reused across fixtures.
export type Institution = {
  name: string;
  institution_id: string;
};

export const FIRST_PLATYPUS: Institution = { name: 'First Platypus Bank', institution_id: 'ins_109508' };
export const TARTAN_BANK: Institution = { name: 'Tartan Bank', institution_id: 'ins_109511' };
export const HOUNDSTOOTH_BANK: Institution = { name: 'Houndstooth Bank', institution_id: 'ins_109512' };
export const CHASE_OAUTH: Institution = { name: 'Chase', institution_id: 'ins_56' };
export const GUSTO_PAYROLL: Institution = { name: 'Gusto', institution_id: 'ins_133707' };
export const PLATYPUS_OAUTH: Institution = { name: 'Platypus OAuth Bank', institution_id: 'ins_127287' };
// Sandbox's "Unhealthy" test bank: Link reports its logins down (SELECT_DOWN_INSTITUTION).
export const UNHEALTHY_DOWN: Institution = {
  name: 'Unhealthy Platypus Bank - Down',
  institution_id: 'ins_132361',
};
// A Canadian bank: filtered out for a token made for the US only.
export const TARTAN_DOMINION: Institution = {
  name: 'Tartan-Dominion Bank of Canada',
  institution_id: 'ins_43',
};

// The accounts a user shares in a typical sandbox session: checking and savings.
export function sandboxAccounts(seed: string): Account[] {
  return [
    {
      id: fixtureBase62(`${seed}/account/checking`, 37),
      name: 'Plaid Checking',
      mask: '0000',
      type: 'depository',
      subtype: 'checking',
      verification_status: null,
      class_type: null,
    },
    {
      id: fixtureBase62(`${seed}/account/savings`, 37),
      name: 'Plaid Saving',
      mask: '1111',
      type: 'depository',
      subtype: 'savings',
      verification_status: null,
      class_type: null,
    },
  ];
}
