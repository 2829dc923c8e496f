/** The glossary as a read-only lookup. */
import { GLOSSARY } from './glossary-entries.js';
import type { GlossaryEntry, GlossaryGroup } from './glossary-entry.js';

export { GLOSSARY } from './glossary-entries.js';
export type { GlossaryEntry, GlossaryGroup } from './glossary-entry.js';

const byId = new Map(GLOSSARY.map((e) => [e.id, e]));

/** The entry with this id, or undefined. */
export function findGlossaryEntry(id: string): GlossaryEntry | undefined {
  return byId.get(id);
}

/** The entry with this id; throws for an unknown id (ids are compile-time knowledge). */
export function glossaryEntry(id: string): GlossaryEntry {
  const entry = byId.get(id);
  if (!entry) throw new Error(`Unknown glossary entry: ${id}`);
  return entry;
}

/** The entries of a group ("Betreuungsmodell …", "Kundensegment …"), in glossary order. */
export function glossaryGroup(group: GlossaryGroup): GlossaryEntry[] {
  return GLOSSARY.filter((e) => e.group === group);
}

/** Whether two entries say the same apart from their own names (the customer defined Marketingattribut and Marketingmerkmal alike). */
export function sameDefinition(a: GlossaryEntry, b: GlossaryEntry): boolean {
  const words = (e: GlossaryEntry) => {
    const name = e.term.toLowerCase();
    return e.definition
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w && !w.startsWith(name))
      .join(' ');
  };
  return words(a) === words(b);
}
