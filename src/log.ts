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

/**
 * Keys that would carry a prospect's personal data (the contact as read, its properties, notes, BANT, a note's text):
 * redacted like secrets. Owners' work addresses are logged under `owner`/`email` and stay readable.
 */
export const PERSONAL_KEYS = [
  'contact',
  'properties',
  'firstname',
  'lastname',
  'firstName',
  'lastName',
  'phone',
  'mobilephone',
  'jobtitle',
  'jobTitle',
  'note',
  'notes',
  'rejectNote',
  'bant',
  'text',
];

const key = (k: string) => (/^[A-Za-z_$][\w$]*$/.test(k) ? `.${k}` : `["${k}"]`);
const REDACT_PATHS = [...SECRET_KEYS, ...PERSONAL_KEYS].flatMap((k) => [
  key(k).replace(/^\./, ''),
  `*${key(k)}`,
  `*.*${key(k)}`,
]);

/** Free-text fields (an error's message can quote what HubSpot or 36One said about a person). */
const FREE_TEXT_KEYS = ['err', 'reason', 'detail', 'error', 'lastError'];
const EMAIL = /[\w.!#$%&'*+/=?^`{|}~-]+@[\w-]+(?:\.[\w-]+)+/g;
// International (+49 …) or national (0171 …) numbers with at least 8 digits; record ids have no leading 0 or +.
const PHONE = /(?:\+|\b0)\d(?:[\s()/.-]?\d){6,}/g;

/** An e-mail address or phone number in free text becomes a placeholder. */
export const scrubPersonal = (s: string): string => s.replace(EMAIL, '[email]').replace(PHONE, '[phone]');

function scrubFreeText(o: Record<string, unknown>): Record<string, unknown> {
  let out = o;
  for (const k of FREE_TEXT_KEYS) {
    const v = o[k];
    if (typeof v === 'string' && (EMAIL.test(v) || PHONE.test(v))) out = { ...out, [k]: scrubPersonal(v) };
    EMAIL.lastIndex = 0;
    PHONE.lastIndex = 0;
  }
  return out;
}

/** Structured JSON logs (pino) with secrets and prospects' personal data redacted. */
export function createLog(level: string, destination?: pino.DestinationStream): Log {
  return pino(
    {
      level,
      base: { app: 'leadbridge' },
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      formatters: { log: scrubFreeText },
    },
    destination!,
  );
}
