export { CredentialInputs } from './CredentialInputs';
export { addCredentialPairIssues } from './credential-pair';
