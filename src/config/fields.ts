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

/** The optional language model for unsure glossary answers: Azure OpenAI, OpenAI (or an OpenAI-compatible endpoint), or none. */
export type GlossaryModelConfig =
  | { kind: 'azure'; endpoint: string; apiKey: string; deployment: string; apiVersion: string; timeoutMs: number }
  | { kind: 'openai'; apiKey: string; model: string; baseUrl?: string; timeoutMs: number };

export interface GlossaryModelEnv {
  AZURE_OPENAI_ENDPOINT?: string;
  AZURE_OPENAI_API_KEY?: string;
  AZURE_OPENAI_DEPLOYMENT?: string;
  AZURE_OPENAI_API_VERSION: string;
  OPENAI_API_KEY?: string;
  OPENAI_MODEL: string;
  OPENAI_BASE_URL?: string;
  GLOSSARY_MODEL_TIMEOUT_MS: number;
}

/**
 * Azure when all three AZURE_OPENAI_* are set, else OpenAI when OPENAI_API_KEY is; undefined (nothing is ever sent)
 * without them. Some but not all Azure variables is a mistake worth naming, not a silent fallback.
 */
export function glossaryModel(e: GlossaryModelEnv): { config?: GlossaryModelConfig; problems: string[] } {
  const azure = {
    AZURE_OPENAI_ENDPOINT: e.AZURE_OPENAI_ENDPOINT,
    AZURE_OPENAI_API_KEY: e.AZURE_OPENAI_API_KEY,
    AZURE_OPENAI_DEPLOYMENT: e.AZURE_OPENAI_DEPLOYMENT,
  };
  const missing = Object.entries(azure).filter(([, v]) => !v);
  if (missing.length && missing.length < 3)
    return {
      problems: missing.map(([k]) => `${k}: required with the other AZURE_OPENAI_* variables (or unset them all)`),
    };
  if (!missing.length) {
    if (!/^https:\/\//i.test(e.AZURE_OPENAI_ENDPOINT!))
      return { problems: ['AZURE_OPENAI_ENDPOINT: must be the https:// endpoint of the Azure OpenAI resource'] };
    return {
      problems: [],
      config: {
        kind: 'azure',
        endpoint: e.AZURE_OPENAI_ENDPOINT!.replace(/\/+$/, ''),
        apiKey: e.AZURE_OPENAI_API_KEY!,
        deployment: e.AZURE_OPENAI_DEPLOYMENT!,
        apiVersion: e.AZURE_OPENAI_API_VERSION,
        timeoutMs: e.GLOSSARY_MODEL_TIMEOUT_MS,
      },
    };
  }
  if (!e.OPENAI_API_KEY) return { problems: [] };
  return {
    problems: [],
    config: {
      kind: 'openai',
      apiKey: e.OPENAI_API_KEY,
      model: e.OPENAI_MODEL,
      baseUrl: e.OPENAI_BASE_URL?.replace(/\/+$/, ''),
      timeoutMs: e.GLOSSARY_MODEL_TIMEOUT_MS,
    },
  };
}
