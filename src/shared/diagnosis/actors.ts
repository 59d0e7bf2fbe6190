// Who acts next on a diagnosis. The first four are about a Link session; the last two about a
// lookup that failed (the person using the inspector, or whoever runs it).
export type Actor =
  'end user' | 'integrating team' | 'plaid support' | 'nobody' | 'inspector user' | 'inspector operator';

export const ACTOR_LABELS: Readonly<Record<Actor, string>> = {
  'end user': 'The end user',
  'integrating team': 'The integrating team',
  'plaid support': 'Plaid support',
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
