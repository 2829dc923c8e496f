/** Classifies a CRM company by name: finds it, asks back when several match, explains the segment from its figures. */
import type { CompanyDirectory, CompanyRecord } from '../domain/classification/company-directory.js';
import { classifyKundensegment } from '../domain/classification/kundensegment.js';
import type { Answer } from './answer.js';
import { SEGMENT_TERM } from './classification-terms.js';
import type { CompanyIntent } from './company-intent.js';
import { explainSegment } from './explain-segment.js';
import type { Locale } from './text/language.js';
import { foldBasic } from './text/normalize.js';

const MAX_CHOICES = 5;
const sameName = (a: string, b: string) =>
  foldBasic(a).replace(/[^\p{L}\p{N}]+/gu, '') === foldBasic(b).replace(/[^\p{L}\p{N}]+/gu, '');

export async function lookUpCompany(
  directory: CompanyDirectory | undefined,
  intent: CompanyIntent,
  locale: Locale,
): Promise<Answer> {
  const base = { locale, termIds: [] as string[] };
  if (!directory)
    return { ...base, kind: 'unavailable', service: 'company_directory', reason: 'not_configured', confidence: 1 };
  let found: CompanyRecord[];
  try {
    found = await directory.searchCompaniesByName(intent.name);
  } catch {
    return { ...base, kind: 'unavailable', service: 'company_directory', reason: 'failed', confidence: 1 };
  }
  if (intent.id) found = found.filter((c) => c.id === intent.id);
  if (!found.length) return { ...base, kind: 'company_not_found', query: intent.name, confidence: 1 };
  const exact = found.filter((c) => sameName(c.name, intent.name));
  // One record, or exactly one whose name is the one asked for; otherwise ask back.
  const company = found.length === 1 ? found[0] : exact.length === 1 ? exact[0] : null;
  if (!company) {
    const candidates = exact.length > 1 ? exact : found;
    return {
      ...base,
      kind: 'company_choice',
      query: intent.name,
      companies: candidates.slice(0, MAX_CHOICES),
      truncated: candidates.length > MAX_CHOICES,
      confidence: 1,
    };
  }
  const result = classifyKundensegment({ annualRevenue: company.annualRevenue, employees: company.employees });
  return {
    ...base,
    kind: 'company',
    company,
    result,
    reasoning: result ? explainSegment(result, locale) : [],
    termIds: result ? [SEGMENT_TERM[result.segment]] : [],
    confidence: 1,
  };
}
