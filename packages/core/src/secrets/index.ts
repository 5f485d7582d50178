export { redactSecrets, secretsFromEnvironment } from './redact-secrets.js';
