import { z } from 'zod';
import { CONTEXT_PROPERTIES, DEFAULT_CONTEXT_PROPERTIES } from '../domain/contact-context.js';
import { parseBusinessHours, parseDuration } from '../domain/sla.js';

/** A comma-separated list ("" = none). */
export const csv = z
  .string()
  .default('')
  .transform((s) =>
    s
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean),
  );
/** A string where "" means unset. */
export const optional = z
  .string()
  .trim()
  .optional()
  .transform((s) => (s ? s : undefined));
/** Any type where "" means unset. */
export const unsetOr = <T extends z.ZodTypeAny>(t: T) => z.preprocess((v) => (v === '' ? undefined : v), t.optional());

/** An IANA time zone name Intl knows (e.g. Europe/Berlin). */
export const timeZone = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .refine((tz) => {
      try {
        new Intl.DateTimeFormat('de-DE', { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    }, 'unknown time zone');

/** A value read by `parse`, whose error message becomes the variable's. */
const parsedBy = <T>(parse: (s: string) => T, fallback: string) =>
  z
    .string()
    .trim()
    .default(fallback)
    .transform((s, ctx) => {
      try {
        return parse(s);
      } catch (err) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: (err as Error).message });
        return z.NEVER;
      }
    });

/** A duration such as 4h or 90m, in milliseconds. */
export const duration = (fallback: string) => parsedBy(parseDuration, fallback);
/** Business hours such as `Mon-Fri 08:00-18:00` or `always`. */
export const businessHours = (fallback: string) => parsedBy(parseBusinessHours, fallback);

/**
 * HubSpot contact properties read for the card's context (comma-separated): unset = all that LeadBridge knows,
 * `none` = none. A name LeadBridge cannot show is refused, naming the ones it can.
 */
export const contextProperties = z
  .string()
  .trim()
  .optional()
  .transform((s, ctx) => {
    if (!s) return [...DEFAULT_CONTEXT_PROPERTIES];
    if (s.toLowerCase() === 'none') return [];
    const names = [
      ...new Set(
        s
          .split(',')
          .map((x) => x.trim())
          .filter(Boolean),
      ),
    ];
    const unknown = names.filter((n) => !(n in CONTEXT_PROPERTIES));
    if (unknown.length) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        message: `not a context property LeadBridge shows: ${unknown.join(', ')} (known: ${DEFAULT_CONTEXT_PROPERTIES.join(', ')}; or none)`,
      });
      return z.NEVER;
    }
    return names;
  });
