import pino, { type Logger } from 'pino';

export type Log = Logger;

/** Keys whose values never reach a log line, at any of the first three levels of a log object. */
export const SECRET_KEYS = [
  'password',
  'accessToken',
  'clientSecret',
  'authorization',
  'cookie',
  'token',
  'x-csrf-token',
  'set-cookie',
  'BOT_PASSWORD',
  'HUBSPOT_ACCESS_TOKEN',
  'HUBSPOT_CLIENT_SECRET',
  'C4C_PASSWORD',
  'apiKey',
  'api-key',
  'AZURE_OPENAI_API_KEY',
  'OPENAI_API_KEY',
];

const key = (k: string) => (/^[A-Za-z_$][\w$]*$/.test(k) ? `.${k}` : `["${k}"]`);
const REDACT_PATHS = SECRET_KEYS.flatMap((k) => [key(k).replace(/^\./, ''), `*${key(k)}`, `*.*${key(k)}`]);

/** Structured JSON logs (pino) with secrets redacted. */
export function createLog(level: string, destination?: pino.DestinationStream): Log {
  return pino(
    { level, base: { app: 'leadbridge' }, redact: { paths: REDACT_PATHS, censor: '[redacted]' } },
    destination!,
  );
}
