import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findGlossaryEntry, GLOSSARY, glossaryGroup, sameDefinition } from '../../src/domain/glossary/index.js';
import { parseSeedTable } from './seed-table.js';

const seed = parseSeedTable(readFileSync(new URL('./fixtures/leadmanagement-glossar.txt', import.meta.url), 'utf8'));
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('glossary data', () => {
  it('reads the seed table: 59 rows with a term and one orphaned definition', () => {
    expect(seed.filter((r) => r.cells.length === 2)).toHaveLength(59);
    const orphans = seed.filter((r) => r.cells.length === 1);
    expect(orphans).toHaveLength(1);
    expect(orphans[0].cells[0]).toMatch(/^Tool der All for One/);
  });

  it.each(seed.filter((r) => r.cells.length === 2).map((r) => [r.cells[0], r.cells[1]]))(
    'has the seed entry "%s" with its definition verbatim',
    (term, definition) => {
      const entry = GLOSSARY.find((e) => e.seedTerm === term);
      expect(entry, term).toBeDefined();
      expect(squash(entry!.definition)).toContain(squash(definition));
    },
  );

  it('attaches the orphaned "Tool der All for One …" definition to Nomenklatur', () => {
    const orphan = seed.find((r) => r.cells.length === 1)!.cells[0];
    const nomenklatur = findGlossaryEntry('nomenklatur')!;
    expect(squash(nomenklatur.definition)).toContain(squash(orphan));
    expect(nomenklatur.seedNote).toMatch(/ohne Stichwort/);
    expect(GLOSSARY.filter((e) => e.definition.includes('Tool der All for One'))).toHaveLength(1);
  });

  it('marks the two Kundenklassifikation entries as still being clarified, with whom', () => {
    expect(findGlossaryEntry('kundenklassifikation-csm')!.inClarification).toEqual({ with: 'CSM' });
    expect(findGlossaryEntry('kundenklassifikation-partner')!.inClarification).toEqual({ with: 'Vertrieb' });
    expect(GLOSSARY.filter((e) => e.inClarification).map((e) => e.id)).toHaveLength(2);
  });

  it('has unique ids and terms, an English name and definition for every entry', () => {
    expect(new Set(GLOSSARY.map((e) => e.id)).size).toBe(GLOSSARY.length);
    expect(new Set(GLOSSARY.map((e) => e.term.toLowerCase())).size).toBe(GLOSSARY.length);
    for (const e of GLOSSARY) {
      expect(e.termEn.trim(), e.id).not.toBe('');
      expect(e.definitionEn.trim().length, e.id).toBeGreaterThan(10);
      expect(e.synonymsEn.length, e.id).toBeGreaterThan(0);
    }
  });

  it('links only to existing entries, never to itself', () => {
    for (const e of GLOSSARY) {
      for (const id of e.related) {
        expect(findGlossaryEntry(id), `${e.id} → ${id}`).toBeDefined();
        expect(id).not.toBe(e.id);
      }
    }
  });

  it('groups the Betreuungsmodelle and Kundensegmente', () => {
    expect(glossaryGroup('betreuungsmodell').map((e) => e.id)).toHaveLength(4);
    expect(glossaryGroup('kundensegment').map((e) => e.id)).toHaveLength(3);
  });

  it('knows that Marketingattribut and Marketingmerkmal are defined alike, and MQL and SQL are not', () => {
    expect(sameDefinition(findGlossaryEntry('marketingattribut')!, findGlossaryEntry('marketingmerkmal')!)).toBe(true);
    expect(sameDefinition(findGlossaryEntry('mql')!, findGlossaryEntry('sql')!)).toBe(false);
  });
});
