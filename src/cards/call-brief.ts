/**
 * The "why this lead" texts: a short call brief, the context facts and a one-line summary, all composed
 * deterministically from HubSpot's analytics on the lead (never by a language model: no customer data leaves).
 */
import { type ContactContext, hasContext } from '../domain/contact-context.js';
import { sourceLabel, sourceVia } from './contact-source.js';
import type { Locale } from './i18n.js';
import { formatDay } from './i18n.js';
import { relativeDay } from './relative-day.js';
import { plain } from './text.js';

export interface BriefInput {
  context: ContactContext | null | undefined;
  company?: string | null;
  /** The Kundensegment as the card names it. */
  segment?: string | null;
  locale: Locale;
  timeZone: string;
  now: number;
}

const q = (s: string, locale: Locale) => (locale === 'de' ? `„${s}“` : `“${s}”`);
const name = (s: string | null | undefined, max = 90) => plain(s, max);

const T = {
  de: {
    submitted: (rel: string, form: string) => `Hat ${rel} das Formular ${form} abgeschickt`,
    nth: (n: number) => (n === 1 ? 'erste Conversion' : `${n}. Conversion`),
    firstWas: (form: string) => `zuerst ${form}`,
    cameVia: (via: string) => `kam über ${via}`,
    cameViaStart: (via: string) => `Kam über ${via}`,
    pageViews: (n: number) => (n === 1 ? '1 Seitenaufruf' : `${n} Seitenaufrufe`),
    lastPage: (p: string) => `zuletzt ${p}`,
    emailClicked: (mail: string | undefined, rel: string) =>
      `Marketing-E-Mail ${mail ? `${mail} ` : ''}${rel} geklickt`,
    emailOpened: (mail: string | undefined, rel: string) => `Marketing-E-Mail ${mail ? `${mail} ` : ''}${rel} geöffnet`,
    segment: (company: string | null, seg: string) =>
      company ? `${company} gehört zum Kundensegment ${seg}.` : `Kundensegment ${seg}.`,
    ago: (rel: string, date: string) => `${rel} (${date})`,
  },
  en: {
    submitted: (rel: string, form: string) => `Submitted the form ${form} ${rel}`,
    nth: (n: number) => (n === 1 ? 'first conversion' : `conversion no. ${n}`),
    firstWas: (form: string) => `first ${form}`,
    cameVia: (via: string) => `came in via ${via}`,
    cameViaStart: (via: string) => `Came in via ${via}`,
    pageViews: (n: number) => (n === 1 ? '1 page view' : `${n} page views`),
    lastPage: (p: string) => `last ${p}`,
    emailClicked: (mail: string | undefined, rel: string) =>
      mail ? `clicked the marketing email ${mail} ${rel}` : `clicked a marketing email ${rel}`,
    emailOpened: (mail: string | undefined, rel: string) =>
      mail ? `opened the marketing email ${mail} ${rel}` : `opened a marketing email ${rel}`,
    segment: (company: string | null, seg: string) =>
      company ? `${company} is in the customer segment ${seg}.` : `Customer segment ${seg}.`,
    ago: (rel: string, date: string) => `${rel} (${date})`,
  },
};

/** The last page as a reader recognises it: its path ("/loesungen/crm"), or the host for a home page. */
export function pageLabel(url: string | null | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    const path = decodeURIComponent(u.pathname).replace(/\/+$/, '');
    return plain(path || u.host, 60) || undefined;
  } catch {
    return undefined;
  }
}

/** The latest marketing e-mail interaction: a click beats an open of the same time or earlier. */
function emailPart(c: ContactContext, i: BriefInput): string | undefined {
  const click = c.lastEmailClickAt ?? null;
  const open = c.lastEmailOpenAt ?? null;
  if (click == null && open == null) return undefined;
  const tx = T[i.locale];
  const mail = c.lastEmailName ? q(name(c.lastEmailName, 60), i.locale) : undefined;
  const clicked = click != null && (open == null || click >= open);
  const rel = relativeDay(clicked ? click! : open!, i.now, i.locale, i.timeZone);
  return clicked ? tx.emailClicked(mail, rel) : tx.emailOpened(mail, rel);
}

/** Two or three plain sentences for the top of the card's context; none when HubSpot knows nothing about the contact. */
export function callBrief(i: BriefInput): string[] {
  const c = i.context;
  if (!hasContext(c)) return [];
  const tx = T[i.locale];
  const sentences: string[] = [];
  const via = sourceVia(c, i.locale);
  const recent = name(c.recentConversion);
  if (recent) {
    const notes: string[] = [];
    if (c.conversions) notes.push(tx.nth(c.conversions));
    const first = name(c.firstConversion);
    if (first && first !== recent && (c.conversions ?? 2) > 1) notes.push(tx.firstWas(q(first, i.locale)));
    const when = c.recentConversionAt ? relativeDay(c.recentConversionAt, i.now, i.locale, i.timeZone) : '';
    let s = tx.submitted(when, q(recent, i.locale)).replace(/\s+/g, ' ').trim();
    if (notes.length) s += ` (${notes.join(', ')})`;
    if (via) s += `, ${tx.cameVia(via)}`;
    sentences.push(`${s}.`);
  } else if (via) sentences.push(`${tx.cameViaStart(via)}.`);

  const engagement: string[] = [];
  if (c.pageViews) engagement.push(tx.pageViews(c.pageViews));
  const page = pageLabel(c.lastPageUrl);
  if (page) engagement.push(tx.lastPage(page));
  const mail = emailPart(c, i);
  const line = [engagement.join(', '), mail].filter(Boolean).join('; ');
  if (line) sentences.push(`${line[0]!.toUpperCase()}${line.slice(1)}.`);

  const segment = name(i.segment, 60);
  if (segment) sentences.push(tx.segment(name(i.company, 80) || null, segment));
  return sentences;
}

/** One line per lead for the digest and "meine Leads": source · last conversion · page views; '' when nothing is known. */
export function contextLine(
  c: ContactContext | null | undefined,
  locale: Locale,
  timeZone: string,
  now: number,
): string {
  if (!hasContext(c)) return '';
  const tx = T[locale];
  const parts: string[] = [];
  const source = sourceLabel(c, locale);
  if (source) parts.push(source);
  const recent = name(c.recentConversion, 60);
  if (recent)
    parts.push(
      c.recentConversionAt
        ? `${q(recent, locale)} ${relativeDay(c.recentConversionAt, now, locale, timeZone)}`
        : q(recent, locale),
    );
  if (c.pageViews) parts.push(tx.pageViews(c.pageViews));
  return parts.join(' · ');
}

/** "vor 2 Tagen (04.12.2026)". */
export function agoWithDate(at: number, locale: Locale, timeZone: string, now: number): string {
  return T[locale].ago(relativeDay(at, now, locale, timeZone), formatDay(at, locale, timeZone));
}
