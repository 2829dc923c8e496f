import { describe, expect, it } from 'vitest';
import { GLOSSARY } from '../../src/domain/glossary/index.js';
import { parseQuestion, questionSubject } from '../../src/knowledge/question.js';
import { maxEdits, TermMatcher } from '../../src/knowledge/term-matcher.js';
import { Decompounder } from '../../src/knowledge/text/decompound.js';
import { foldGerman, tokenizeDe } from '../../src/knowledge/text/normalize.js';
import { stemDe } from '../../src/knowledge/text/stem.js';

const matcher = new TermMatcher(GLOSSARY);
const ids = (question: string) => {
  const tokens = tokenizeDe(question);
  return [...new Set(matcher.find(tokens).map((m) => m.id))];
};

describe('German normalisation', () => {
  it.each([
    ['Auspraegung', 'auspragung'],
    ['Ausprägung', 'auspragung'],
    ['Straße', 'strasse'],
    ['Neue Queue', 'neue queue'],
    ['MARKETINGEINWILLIGUNG', 'marketingeinwilligung'],
  ])('%s → %s', (text, folded) => expect(foldGerman(text)).toBe(folded));

  it('splits hyphens and punctuation', () => {
    expect(tokenizeDe('Pull-Kampagne, Double-Opt-in?')).toEqual(['pull', 'kampagne', 'double', 'opt', 'in']);
  });

  it('stems plurals and inflections to one form', () => {
    expect(stemDe('kampagnen')).toBe(stemDe('kampagne'));
    expect(stemDe('werbung')).toBe(stemDe('werbe'));
  });

  it('splits compounds into glossary words', () => {
    const d = new Decompounder(['zielgruppe', 'selektion', 'auswahl', 'vertrieb']);
    expect(d.split('zielgruppenauswahl')).toEqual(['zielgruppen', 'auswahl']);
    expect(d.split('vertriebsreife')).toEqual(['vertriebs', 'reife']);
    expect(d.split('wetter')).toEqual([]);
  });
});

describe('term matching', () => {
  it.each([
    ['Pull-Kampagne', 'pull-kampagne'],
    ['Pullkampagne', 'pull-kampagne'],
    ['Pull Kampagne', 'pull-kampagne'],
    ['pull campaigns', 'pull-kampagne'],
    ['MQLs', 'mql'],
    ['Marketing Qualified Lead', 'mql'],
    ['Kontaktinhaber', 'contact-owner'],
    ['Datensatz-ID', 'hubspot-id'],
    ['HubSpot-Eigenschaften', 'eigenschaft'],
    ['Kampange', 'kampagne'],
    ['Opportunitiy', 'opportunity'],
  ])('"%s" names %s', (text, id) => expect(ids(text)).toContain(id));

  it('allows no typo in short words (abbreviations)', () => {
    expect(maxEdits(3)).toBe(0);
    expect(maxEdits(4)).toBe(0);
    expect(maxEdits(6)).toBe(1);
    expect(maxEdits(10)).toBe(2);
    expect(ids('SOL')).toEqual([]);
    expect(ids('Deal')).toEqual([]);
  });
});

describe('question parsing', () => {
  it('finds content words and "describes a term" cues', () => {
    const q = parseQuestion('Wie nennt man Werbung, bei der wir den Kunden ansprechen?');
    expect(q.descriptive).toBe(true);
    expect(q.content.map((i) => q.tokens[i])).toEqual(['werbung', 'ansprechen']);
    expect(parseQuestion('Was ist ein MQL?').descriptive).toBe(false);
  });

  it('splits comparisons at the conjunction first, then at "von"/"to", then between two content words', () => {
    const sides = (text: string) => {
      const q = parseQuestion(text);
      return q.comparison.map(([[a, b], [c, d]]) => [q.tokens.slice(a, b).join(' '), q.tokens.slice(c, d).join(' ')]);
    };
    expect(sides('Was ist der Unterschied zwischen MQL und SQL?')[0]).toEqual([
      'was ist der unterschied zwischen mql',
      'sql',
    ]);
    expect(sides('Was unterscheidet Midmarket von Large Enterprise?')[0]).toEqual([
      'was unterscheidet midmarket',
      'large enterprise',
    ]);
    expect(sides('Unterschied Inbound Outbound')).toEqual([['unterschied inbound', 'outbound']]);
    expect(parseQuestion('MQL und SQL').comparison).toEqual([]);
  });

  it('remembers which words were written in capitals', () => {
    expect([...parseQuestion('Was macht ein DE bei der PMM-Runde?').acronyms]).toEqual(['de', 'pmm']);
    expect(parseQuestion('was macht ein de?').acronyms.size).toBe(0);
  });

  it('extracts what was asked about', () => {
    expect(questionSubject('Was bedeutet SEO?')).toBe('SEO');
    expect(questionSubject('What does KPI stand for?')).toBe('KPI');
    expect(questionSubject('Was ist ein Buying Center?')).toBe('Buying Center');
  });
});
