/**
 * Recognises "Klassifiziere die Musterfirma GmbH", "Ordne das Unternehmen Weserblick Logistik GmbH ein",
 * "Which segment is the customer Contoso in?" and pulls out the company name, without the words around it.
 */

export interface CompanyIntent {
  name: string;
  /** Set by the buttons of a "which one?" answer: "Klassifiziere Beispiel AG (ID 123)". */
  id?: string;
}

const ARTICLE = '(?:(?:die|der|das|den|dem|des|the)\\s+)?';
const END = '\\s*[?.!]*$';
const SEGMENT = '(?:kunden)?segment';
const PATTERNS: RegExp[] = [
  new RegExp(
    `^(?:bitte\\s+)?(?:klassifiziere|klassifizier|klassifizieren|classify|categori[sz]e)\\s+(?:(?:mir|mal|bitte|please)\\s+)*${ARTICLE}(.+?)${END}`,
    'i',
  ),
  // "Ordne (mal) das Unternehmen X ein" / "… zu"
  new RegExp(`^(?:bitte\\s+)?ordne\\s+(?:(?:mir|mal|bitte)\\s+)*${ARTICLE}(.+?)\\s+(?:ein|zu)${END}`, 'i'),
  new RegExp(
    `^(?:welches|welchem|was für ein)\\s+${SEGMENT}\\s+(?:hat|ist|gilt für|liegt)\\s+${ARTICLE}(.+?)(?:\\s+(?:in|zugeordnet))?${END}`,
    'i',
  ),
  new RegExp(
    `^in\\s+welche[ms]?\\s+${SEGMENT}\\s+(?:ist|liegt|befindet sich|fällt|gehört|gehort)\\s+${ARTICLE}(.+?)${END}`,
    'i',
  ),
  new RegExp(
    `^(?:which|what)\\s+(?:customer\\s+)?segment\\s+(?:is|does|has)\\s+${ARTICLE}(.+?)(?:\\s+(?:in|belong to|belongs to|fall into|have))?${END}`,
    'i',
  ),
  new RegExp(`^${SEGMENT}\\s+(?:von|vom|für|der|des)\\s+${ARTICLE}(.+?)${END}`, 'i'),
  new RegExp(`^(?:customer\\s+)?segment\\s+(?:of|for)\\s+${ARTICLE}(.+?)${END}`, 'i'),
];
/** Name first: "Firma Nordlicht AG – welches Segment?"; only with a company noun or a legal form, so a sentence is not taken for a name. */
const NAME_FIRST = new RegExp(
  `^(.+?)\\s*[–—:,-]\\s*(?:welches|which|what)\\s+(?:customer\\s+)?${SEGMENT}\\s*(?:\\?|hat|has|is)?${END}`,
  'i',
);

/** Nouns and articles people put before a company's name ("das Unternehmen", "the customer", "Firma"). */
const LEADING_WORDS =
  /^(?:(?:die|der|das|den|dem|des|the|unser(?:e[nmrs]?)?|our|mein(?:e[nmrs]?)?|my|unternehmen|firma|kunden?|kundin|account|company|customer|client|firm)\s+)+/i;
// Not a company: "ein Unternehmen", "a company", "(Kunde) mit 80 Mitarbeitern", a glossary segment name.
const NOT_A_NAME =
  /^(ein|eine|einen|einem|a|an|mit|with|ohne|without|von|of|aus|from|bei|im|über|unter|mehr|weniger|more|less)\b|^(small business|midmarket|large enterprise)$/i;
const POSSESSIVE = /^(?:mein|my|unser|our)\w*\s/i;
const ID_SUFFIX = /\s*\(ID\s+([\w-]+)\)\s*$/i;
const COMPANY_NOUN =
  /^(?:die|der|das|den|the)?\s*(?:unternehmen|firma|kunden?|kundin|account|company|customer|client)\s/i;

/** Legal forms, longest first; matched at the end of a name, also written with dots or in lower case. */
const LEGAL_FORM =
  /[\s,]+(?:gmbh\s*&\s*co\.?\s*kgaa|gmbh\s*&\s*co\.?\s*kg|ag\s*&\s*co\.?\s*kg|g\.?\s?m\.?\s?b\.?\s?h\.?|ug\s*\(haftungsbeschr(?:ä|a)nkt\)|kgaa|ag|kg|se|ohg|gbr|ug|e\.\s?k\.?|e\.\s?v\.?|ltd\.?|limited|inc\.?|llc|corp\.?|corporation|plc|s\.?a\.?|b\.?v\.?|n\.?v\.?|ab|oy|sarl|sas|s\.?p\.?a\.?|co\.?)$/i;

/** The name without its legal form ("Hanse Maschinenbau GmbH & Co. KG" → "Hanse Maschinenbau"); the name itself if nothing is left. */
export function withoutLegalForm(name: string): string {
  let core = name.trim().replace(/[,\s]+$/, '');
  for (let i = 0; i < 3; i++) {
    const next = core.replace(LEGAL_FORM, '').trim();
    if (next === core || !next) break;
    core = next;
  }
  return core;
}

function cleanName(raw: string): string {
  return raw
    .replace(ID_SUFFIX, '')
    .replace(/^["„“']|["“”']$/g, '')
    .replace(LEADING_WORDS, '')
    .replace(/^["„“']|["“”']$/g, '')
    .trim();
}

/** The company a message asks to classify, or null. */
export function detectCompanyLookup(text: string): CompanyIntent | null {
  const trimmed = text.trim();
  let raw: string | null = null;
  for (const re of PATTERNS) {
    const m = re.exec(trimmed);
    if (m) {
      raw = m[1];
      break;
    }
  }
  if (raw === null) {
    const m = NAME_FIRST.exec(trimmed);
    if (m && (COMPANY_NOUN.test(`${m[1]} `) || withoutLegalForm(m[1]) !== m[1].trim())) raw = m[1];
  }
  if (raw === null || NOT_A_NAME.test(raw.trim())) return null;
  const idMatch = ID_SUFFIX.exec(raw);
  const name = cleanName(raw);
  if (!name || NOT_A_NAME.test(name)) return null;
  // "unser größter Kunde" describes a company, "unser Kunde Weserblick" names one.
  if (POSSESSIVE.test(raw.trim()) && !/^[\p{Lu}\p{N}]/u.test(name)) return null;
  return idMatch ? { name, id: idMatch[1] } : { name };
}
