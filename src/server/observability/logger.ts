import { pino, type DestinationStream, type Logger } from 'pino';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

// We never log request bodies, upstream headers or credentials on purpose. Redaction is the second
// line of defence: should someone later log an object that carries one of these fields, the value
// is replaced before it is written. Link tokens are not secrets and stay readable.
const REDACT_PATHS = [
  'secret',
  '*.secret',
  '*.*.secret',
  'client_secret',
  '*.client_secret',
  'access_token',
  '*.access_token',
  '*.*.access_token',
  'password',
  '*.password',
  'authorization',
  '*.authorization',
  '*.headers.authorization',
  '*.headers["plaid-secret"]',
  '*.headers["PLAID-SECRET"]',
];

export const REDACTED = '[REDACTED]';

export function createLogger(options: { level: LogLevel; destination?: DestinationStream }): Logger {
  return pino(
    {
      level: options.level,
      redact: { paths: REDACT_PATHS, censor: REDACTED },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    options.destination,
  );
}
