import { describe, expect, it } from 'vitest';
import { detectClassification } from '../../src/knowledge/classification-intent.js';
import { detectCommand } from '../../src/knowledge/commands.js';
import { detectCompanyLookup } from '../../src/knowledge/company-intent.js';
import { createKnowledge } from '../../src/knowledge/index.js';
import { detectLanguage } from '../../src/knowledge/text/language.js';

describe('routing of free text', () => {
  it.each([
    ['meine Leads', 'my_leads'],
    ['Meine offenen Leads', 'my_leads'],
    ['my leads', 'my_leads'],
    ['show me my leads', 'my_leads'],
    ['digest', 'digest'],
    ['Zusammenfassung', 'digest'],
    ['zeig mir die Zusammenfassung', 'digest'],
    ['digest aus', 'digest_off'],
    ['Zusammenfassung aus', 'digest_off'],
    ['digest off', 'digest_off'],
    ['kein Digest mehr', 'digest_off'],
    ['digest an', 'digest_on'],
    ['Digest on', 'digest_on'],
    ['Zusammenfassung an!', 'digest_on'],
    ['hilfe', 'help'],
    ['Help', 'help'],
    ['?', 'help'],
    ['was kannst du?', 'help'],
  ])('"%s" is the command %s', (text, command) => {
    expect(detectCommand(text)).toBe(command);
  });

  it.each(['Was ist ein Lead?', 'Was bedeutet Zusammenfassung im Marketing?', 'leads aus HubSpot', 'digest me an MQL'])(
    '"%s" is no command',
    (text) => {
      expect(detectCommand(text)).toBeNull();
    },
  );

  it('routes figures to the Kundensegment and criteria to the Betreuungsmodell', () => {
    expect(detectClassification('Welches Segment hat eine Firma mit 85 Mio. Umsatz?')?.kind).toBe('segment');
    expect(detectClassification('Betreuungsmodell bei 3 Market Units und 500k Umsatzpotenzial')?.kind).toBe(
      'betreuungsmodell',
    );
    expect(detectClassification('Welches Betreuungsmodell hat ein Neukunde in der Implementierung?')?.kind).toBe(
      'betreuungsmodell',
    );
    expect(detectClassification('Welches Betreuungsmodell hat die Betreuungsquote 1:80-200?')).toBeNull();
    expect(detectClassification('Was ist ein MQL?')).toBeNull();
  });

  it('reads the relationship level, including a negated one', () => {
    const input = (t: string) => (detectClassification(t) as { input: { relationship?: string | null } }).input;
    expect(input('Betreuungsmodell: 3 MUs, Beziehung zum Vorstand').relationship).toBe('c_level');
    expect(input('service model: 3 market units, relationship with decision makers').relationship).toBe(
      'decision_maker',
    );
    expect(input('Betreuungsmodell: 3 Market Units, aber keine Beziehung zu Entscheidern').relationship).toBe('other');
    expect(input('Betreuungsmodell: 3 Market Units').relationship).toBeNull();
  });

  it('finds the company name in look-up questions', () => {
    expect(detectCompanyLookup('Klassifiziere die Musterfirma GmbH')).toEqual({ name: 'Musterfirma GmbH' });
    expect(detectCompanyLookup('Welches Segment hat die Beispiel AG?')).toEqual({ name: 'Beispiel AG' });
    expect(detectCompanyLookup('In welchem Segment ist Contoso Ltd?')).toEqual({ name: 'Contoso Ltd' });
    expect(detectCompanyLookup('Which segment is Contoso Ltd in?')).toEqual({ name: 'Contoso Ltd' });
    expect(detectCompanyLookup('Klassifiziere Beispiel AG (ID 202)')).toEqual({ name: 'Beispiel AG', id: '202' });
    expect(detectCompanyLookup('Welches Segment hat ein Unternehmen?')).toBeNull();
    expect(detectCompanyLookup('Was ist ein Kundensegment?')).toBeNull();
  });

  it('detects the question language; German by default', () => {
    expect(detectLanguage('What is an MQL?')).toBe('en');
    expect(detectLanguage('Was ist ein MQL?')).toBe('de');
    expect(detectLanguage('MQL')).toBe('de');
    expect(detectLanguage('Wofür steht SAL?')).toBe('de');
    expect(detectLanguage("What's the difference between MQL and SQL?")).toBe('en');
  });

  it('answers in the question language unless forced, and strips Teams @mentions', async () => {
    const k = createKnowledge({});
    expect((await k.ask('What is an MQL?')).locale).toBe('en');
    expect((await k.ask('What is an MQL?', 'de')).locale).toBe('de');
    const a = await k.ask('<at>LeadBridge</at> Was ist ein SAL?');
    expect(a.kind === 'glossary' && a.entry.id).toBe('sal');
    expect((await k.ask('   ')).kind).toBe('help');
  });
});
