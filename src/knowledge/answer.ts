/** What the knowledge service answers; cards and the plain-text fallback render it. */
import type { BetreuungsmodellInput, BetreuungsmodellResult } from '../domain/classification/betreuungsmodell.js';
import type { CompanyRecord } from '../domain/classification/company-directory.js';
import type { KundensegmentResult } from '../domain/classification/kundensegment.js';
import type { Figure } from '../domain/classification/quantities.js';
import type { GlossaryEntry, GlossaryGroup } from '../domain/glossary/index.js';
import type { LeadCommand } from './commands.js';
import type { MatchedBy } from './glossary-retriever.js';
import type { Locale } from './text/language.js';

export type { LeadCommand } from './commands.js';
export type { Locale } from './text/language.js';

interface AnswerBase {
  /** Language of the answer (the question's, unless forced). */
  locale: Locale;
  /** 0..1; 1 for exact names, commands and computed classifications. */
  confidence: number;
  /** Glossary entries the answer is about (empty for commands). */
  termIds: string[];
}

/** One glossary entry. */
export interface GlossaryAnswer extends AnswerBase {
  kind: 'glossary';
  entry: GlossaryEntry;
  matchedBy: MatchedBy;
  /** For an entry inferred from a description: the next candidates, so the reader can correct us. */
  alternatives: GlossaryEntry[];
}

/** Two entries side by side ("Unterschied zwischen MQL und SQL"). */
export interface ComparisonAnswer extends AnswerBase {
  kind: 'comparison';
  entries: [GlossaryEntry, GlossaryEntry];
  /** The customer gave both entries the same text (e.g. Marketingattribut / Marketingmerkmal). */
  sameDefinition: boolean;
}

/** A family of entries ("Welche Betreuungsmodelle gibt es?"). */
export interface OverviewAnswer extends AnswerBase {
  kind: 'overview';
  group: GlossaryGroup;
  entries: GlossaryEntry[];
}

/** Not in the glossary; up to three close entries. */
export interface NotFoundAnswer extends AnswerBase {
  kind: 'not_found';
  /** What was asked about, question phrasing removed ("SEO"). */
  query: string;
  suggestions: GlossaryEntry[];
}

/** Kundensegment computed from figures in the question. */
export interface SegmentAnswer extends AnswerBase {
  kind: 'segment';
  result: KundensegmentResult;
  figures: Figure[];
  reasoning: string[];
}

/** Betreuungsmodell computed from criteria in the question. */
export interface BetreuungsmodellAnswer extends AnswerBase {
  kind: 'betreuungsmodell';
  result: BetreuungsmodellResult;
  /** The criteria read from the question. */
  input: BetreuungsmodellInput;
  reasoning: string[];
}

/** A CRM company, classified from its annual revenue and headcount. */
export interface CompanyAnswer extends AnswerBase {
  kind: 'company';
  company: CompanyRecord;
  /** The name as asked; the answer names the record found when it differs ("Nordlicht Software GmbH" → "… AG"). */
  query: string;
  /** Null when the record has neither revenue nor employees. */
  result: KundensegmentResult | null;
  reasoning: string[];
}

/** Several companies match the name: ask which one. */
export interface CompanyChoiceAnswer extends AnswerBase {
  kind: 'company_choice';
  query: string;
  companies: CompanyRecord[];
  /** More matches exist than are listed. */
  truncated: boolean;
}

/** No company of that name. */
export interface CompanyNotFoundAnswer extends AnswerBase {
  kind: 'company_not_found';
  query: string;
}

/** The company look-up is not configured or failed (e.g. HubSpot unreachable). */
export interface UnavailableAnswer extends AnswerBase {
  kind: 'unavailable';
  service: 'company_directory';
  reason: 'not_configured' | 'failed';
}

/** What the bot can do. */
export interface HelpAnswer extends AnswerBase {
  kind: 'help';
}

/** A lead/manager command for the lead flow's handlers. */
export interface CommandAnswer extends AnswerBase {
  kind: 'command';
  command: LeadCommand;
}

export type Answer =
  | GlossaryAnswer
  | ComparisonAnswer
  | OverviewAnswer
  | NotFoundAnswer
  | SegmentAnswer
  | BetreuungsmodellAnswer
  | CompanyAnswer
  | CompanyChoiceAnswer
  | CompanyNotFoundAnswer
  | UnavailableAnswer
  | HelpAnswer
  | CommandAnswer;

export type AnswerKind = Answer['kind'];
