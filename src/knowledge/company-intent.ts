/** Recognises "Klassifiziere die Musterfirma GmbH" / "Which segment is Contoso in?" and pulls out the company name. */

export interface CompanyIntent {
  name: string;
  /** Set by the buttons of a "which one?" answer: "Klassifiziere Beispiel AG (ID 123)". */
  id?: string;
}

const ARTICLE = '(?:(?:die|der|das|den|dem|the)\\s+)?';
const END = '\\s*[?.!]*$';
const PATTERNS: RegExp[] = [
  new RegExp(
    `^(?:bitte\\s+)?(?:klassifiziere|klassifizier|klassifizieren|classify)\\s+(?:mir\\s+|please\\s+)?${ARTICLE}(.+?)${END}`,
    'i',
  ),
  new RegExp(
    `^(?:welches|welchem|was für ein)\\s+(?:kunden)?segment\\s+(?:hat|ist|gilt für|liegt)\\s+${ARTICLE}(.+?)(?:\\s+(?:in|zugeordnet))?${END}`,
    'i',
  ),
  new RegExp(`^in\\s+welchem\\s+(?:kunden)?segment\\s+(?:ist|liegt|befindet sich)\\s+${ARTICLE}(.+?)${END}`, 'i'),
  new RegExp(
    `^(?:which|what)\\s+(?:customer\\s+)?segment\\s+(?:is|does|has)\\s+${ARTICLE}(.+?)(?:\\s+(?:in|belong to|fall into|have))?${END}`,
    'i',
  ),
  new RegExp(`^(?:kunden)?segment\\s+(?:von|für|der|des)\\s+${ARTICLE}(.+?)${END}`, 'i'),
  new RegExp(`^(?:customer\\s+)?segment\\s+(?:of|for)\\s+${ARTICLE}(.+?)${END}`, 'i'),
];
// Not a company: "ein Unternehmen", "a company", a glossary segment name.
const NOT_A_NAME = /^(ein|eine|einen|einem|a|an|mein|my|unser|our)\b|^(small business|midmarket|large enterprise)$/i;
const ID_SUFFIX = /\s*\(ID\s+([\w-]+)\)\s*$/i;

/** The company a message asks to classify, or null. */
export function detectCompanyLookup(text: string): CompanyIntent | null {
  for (const re of PATTERNS) {
    const m = re.exec(text.trim());
    if (!m) continue;
    const idMatch = ID_SUFFIX.exec(m[1]);
    const name = m[1]
      .replace(ID_SUFFIX, '')
      .replace(/^["„“']|["“”']$/g, '')
      .trim();
    if (!name || NOT_A_NAME.test(name)) return null;
    return idMatch ? { name, id: idMatch[1] } : { name };
  }
  return null;
}
