/** Classifies a CRM company by name: finds it, asks back when several match, explains the segment from its figures. */
import type { CompanyDirectory, CompanyRecord } from '../domain/classification/company-directory.js';
import { classifyKundensegment } from '../domain/classification/kundensegment.js';
import type { Answer } from './answer.js';
import { SEGMENT_TERM } from './classification-terms.js';
import { type CompanyIntent, withoutLegalForm } from './company-intent.js';
import { explainSegment } from './explain-segment.js';
import type { Locale } from './text/language.js';
import { foldBasic } from './text/normalize.js';

const MAX_CHOICES = 5;
const compact = (s: string) => foldBasic(s).replace(/[^\p{L}\p{N}]+/gu, '');
export const sameName = (a: string, b: string) => compact(a) === compact(b);
/** Same company name apart from the legal form ("Nordlicht Software GmbH" ~ "Nordlicht Software AG"). */
const sameCore = (a: string, b: string) => compact(withoutLegalForm(a)) === compact(withoutLegalForm(b));

/** The search as asked; if HubSpot has nothing, again without the legal form (people rarely know it exactly). */
async function search(directory: CompanyDirectory, intent: CompanyIntent): Promise<CompanyRecord[]> {
  const found = await directory.searchCompaniesByName(intent.name);
  const core = withoutLegalForm(intent.name);
  if (found.length || core === intent.name) return found;
  return directory.searchCompaniesByName(core);
}

/** One record, or the one whose name is the one asked for (exactly, else apart from the legal form); null: ask back. */
function pick(found: CompanyRecord[], name: string): { company: CompanyRecord | null; candidates: CompanyRecord[] } {
  if (found.length === 1) return { company: found[0], candidates: found };
  for (const same of [sameName, sameCore]) {
    const matching = found.filter((c) => same(c.name, name));
    if (matching.length === 1) return { company: matching[0], candidates: matching };
    if (matching.length > 1) return { company: null, candidates: matching };
  }
  return { company: null, candidates: found };
}

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
    found = await search(directory, intent);
  } catch {
    return { ...base, kind: 'unavailable', service: 'company_directory', reason: 'failed', confidence: 1 };
  }
  if (intent.id) found = found.filter((c) => c.id === intent.id);
  if (!found.length) return { ...base, kind: 'company_not_found', query: intent.name, confidence: 1 };
  const { company, candidates } = pick(found, intent.name);
  if (!company) {
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
    query: intent.name,
    result,
    reasoning: result ? explainSegment(result, locale) : [],
    termIds: result ? [SEGMENT_TERM[result.segment]] : [],
    confidence: 1,
  };
}
