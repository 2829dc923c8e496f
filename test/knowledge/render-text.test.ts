import { describe, expect, it } from 'vitest';
import { glossaryEntry } from '../../src/domain/glossary/index.js';
import { createKnowledge, renderAnswerText } from '../../src/knowledge/index.js';

const k = createKnowledge({});

describe('plain-text answers', () => {
  it("German: name first, the customer's definition, related terms, source", async () => {
    const text = renderAnswerText(await k.ask('Was ist ein SAL?'));
    const lines = text.split('\n');
    expect(lines[0]).toBe('SAL');
    expect(text).toContain(glossaryEntry('sal').definition);
    expect(text).toContain('Verwandte Begriffe: MQL, SQL, Lead');
    expect(lines[lines.length - 1]).toBe('Quelle: Glossar Leadmanagement');
  });

  it('English: English definition and the German term in brackets', async () => {
    const text = renderAnswerText(await k.ask('What is a target group?'));
    expect(text.split('\n')[0]).toBe('Target group (Zielgruppe)');
    expect(text).toContain(glossaryEntry('zielgruppe').definitionEn);
  });

  it('the locale argument overrides the answer language', async () => {
    const text = renderAnswerText(await k.ask('Was ist eine Zielgruppe?'), 'en');
    expect(text).toContain(glossaryEntry('zielgruppe').definitionEn);
  });

  it('outside the glossary: says so with suggestions, never a definition', async () => {
    const text = renderAnswerText(await k.ask('Was bedeutet SEO?'));
    expect(text).toMatch(/^„SEO“ steht nicht im Glossar Leadmanagement\./);
    expect(text).toMatch(/Meintest du: .*Inbound/);
    expect(text).not.toContain(glossaryEntry('inbound').definition);
  });

  it('explains a segment conflict and which measure was used', async () => {
    const both = renderAnswerText(await k.ask('450 MA und 30 Mio Umsatz, welches Segment?'));
    expect(both).toContain('Kundensegment: Midmarket');
    expect(both).toContain('es gilt das höhere');
    const one = renderAnswerText(await k.ask('Which segment has a company with 99 employees?'));
    expect(one).toContain('Only the headcount is known');
  });

  it('names missing criteria and the closest Betreuungsmodell', async () => {
    const text = renderAnswerText(
      await k.ask('Betreuungsmodell: 3 Market Units und 500k, aber keine Beziehung zu Entscheidern'),
    );
    expect(text).toContain('am nächsten: Named Account');
    expect(text).toMatch(/✗ Beziehung auf Entscheiderebene/);
  });

  it('compares two entries and notes identical definitions', async () => {
    const text = renderAnswerText(await k.ask('Marketingattribut vs. Marketingmerkmal'));
    expect(text).toContain('Das Glossar definiert beide Begriffe gleich.');
  });
});
