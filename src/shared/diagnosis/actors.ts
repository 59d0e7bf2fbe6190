// Who acts next on a diagnosis. The first five are about a Link session; the last two about a
// lookup that failed (the person using the inspector, or whoever runs it). 'bank': no one can fix
// it but the bank, so the next step says how long to wait and when to escalate. 'nobody': the
// session linked and nothing found needs fixing; never used while someone must act.
export type Actor =
  | 'end user'
  | 'integrating team'
  | 'plaid support'
  | 'bank'
  | 'nobody'
  | 'inspector user'
  | 'inspector operator';

export const ACTOR_LABELS: Readonly<Record<Actor, string>> = {
  'end user': 'The end user',
  'integrating team': 'The integrating team',
  'plaid support': 'Plaid support',
  bank: 'Wait for the bank',
  nobody: 'Nobody',
  'inspector user': 'The person looking up the token',
  'inspector operator': 'Whoever runs this inspector',
};

// Who acts, what they do, and why, in our words; the docs link says where Plaid explains it.
export interface Advice {
  actor: Actor;
  nextStep: string;
  // Our explanation; null when we have none (then Plaid's error_message and docs link speak).
  explanation: string | null;
  docsUrl: string | null;
}
