// The version of the diagnosis's rules (verdicts, headlines, the facts a row shows). The store keeps
// it beside each verdict it computed; bump it whenever a rule changes what `diagnose` says about an
// answer, and the server diagnoses every kept token again in the background (store/history.ts).
export const DIAGNOSIS_RULES_VERSION = 1;
