/** One entry of the customer's "Glossar Leadmanagement" (the domain model of LeadBridge). */
export interface GlossaryEntry {
  /** Stable id, used in answers, buttons and tests. */
  id: string;
  /** Stichwort, cleaned of the seed's qualifiers such as "(in Hubspot)". */
  term: string;
  /** The Stichwort cell exactly as the seed table has it. */
  seedTerm: string;
  /** Bedeutung as the customer wrote it (typos included). */
  definition: string;
  /** German synonyms, long forms and alternative spellings (incl. HubSpot's German interface labels). */
  synonyms: string[];
  /** Abbreviations the glossary uses for this term. */
  abbreviations: string[];
  /** English name of the term. */
  termEn: string;
  /** English synonyms and labels of HubSpot's English interface. */
  synonymsEn: string[];
  /** Our English rendering of the definition. */
  definitionEn: string;
  /** Ids of related entries (shown as buttons). */
  related: string[];
  /** Entries the customer grouped under a common prefix ("Betreuungsmodell …", "Kundensegment …"). */
  group?: GlossaryGroup;
  /** The customer has not defined this entry yet; the bot must say so instead of inventing one. */
  inClarification?: { with: string };
  /** Where the entry deviates from the damaged seed table, and why. */
  seedNote?: string;
}

export type GlossaryGroup = 'betreuungsmodell' | 'kundensegment' | 'kundenklassifikation';
