// Plaid's documentation pages the diagnosis points to (error codes link through errorDocsUrl).
export const DOCS = {
  linkTokenGet: 'https://plaid.com/docs/api/link/#linktokenget',
  linkTokenCreate: 'https://plaid.com/docs/api/link/#linktokencreate',
  webhooks: 'https://plaid.com/docs/api/webhooks/',
  oauth: 'https://plaid.com/docs/link/oauth/',
  updateMode: 'https://plaid.com/docs/link/update-mode/',
  hostedLink: 'https://plaid.com/docs/link/hosted-link/',
  institutionStatus: 'https://plaid.com/docs/link/institution-status/',
  troubleshooting: 'https://plaid.com/docs/link/troubleshooting/',
  invalidLinkToken: 'https://plaid.com/docs/link/handle-invalid-link-token/',
  authCoverage: 'https://plaid.com/docs/auth/coverage/',
  microDeposits: 'https://plaid.com/docs/auth/coverage/micro-deposits/',
  plaidStatus: 'https://status.plaid.com/',
} as const;
