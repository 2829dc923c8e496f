/** One test per class of question the retrieval handles by rule (questions here are not from the measured sets). */
import { describe, expect, it } from 'vitest';
import { renderAnswerCard } from '../../src/cards/knowledge-card.js';
import { GLOSSARY } from '../../src/domain/glossary/index.js';
import { type Answer, createKnowledge } from '../../src/knowledge/index.js';
import { initialsOf, TermMatcher } from '../../src/knowledge/term-matcher.js';

const knowledge = createKnowledge();
const ask = (q: string) => knowledge.ask(q);
const entryOf = (a: Answer) => (a.kind === 'glossary' ? a.entry.id : a.kind);

describe('initials of multi-word terms', () => {
  it('derives initials only from names whose words have three letters or more', () => {
    expect(initialsOf('Delivery Executive')).toBe('de');
    expect(initialsOf('Portfolio Marketing Manager')).toBe('pmm');
    expect(initialsOf('Account ID')).toBeNull(); // "AI" would swallow questions about AI
    expect(initialsOf('Dashboard')).toBeNull();
  });

  it('reads initials written in capitals, never a lower-case word or initials two entries share', async () => {
    expect(entryOf(await ask('Wer ist mein DE?'))).toBe('delivery-executive');
    expect(entryOf(await ask('Was macht ein BP?'))).toBe('business-partner');
    expect((await ask('was macht ein de?')).kind).toBe('not_found');
    // Smart Account and Single Account both give "SA".
    expect((await ask('Was ist ein SA?')).kind).toBe('not_found');
    const matcher = new TermMatcher(GLOSSARY);
    expect(matcher.findInitials(['sa'], new Set(['sa']))).toEqual([]);
  });
});

describe('a named term and its neighbours', () => {
  it.each([
    ['Ab welcher Mitarbeiterzahl ist man Large Enterprise?', 'kundensegment-large-enterprise'],
    ['Welche Bedingungen hat ein Key Account?', 'betreuungsmodell-key-account'],
    ['Ist ein SQL ein Lead?', 'sql'], // Sales Qualified *Lead*: the more specific name wins
    ['Wie hängt der Scoring-Filter mit dem Scoring zusammen?', 'scoring-filter'],
    ['Was ist eine Opportunity in C4C?', 'opportunity'], // both named; the Opportunity's text does not mention C4C, …
  ])('%s → %s', async (q, id) => expect(entryOf(await ask(q))).toBe(id));

  it('takes words after a preposition as context, not words glued to the term', async () => {
    expect(entryOf(await ask('Was ist Nurturing im Vertrieb?'))).toBe('nurturing');
    expect((await ask('Was ist ein Lead Magnet?')).kind).toBe('not_found');
    expect((await ask('Was kostet ein HubSpot-Workshop?')).kind).toBe('not_found');
  });

  it('answers a named term with less than full confidence when other words were set aside', async () => {
    const a = await ask('What is an opportunity at our company?');
    expect(entryOf(a)).toBe('opportunity');
    expect(a.confidence).toBeLessThan(1);
  });
});

describe('chat phrasing', () => {
  it.each([
    ['Sorry für die Frage, aber: was ist ein Workflow?', 'workflow'],
    ['wsa ist ein Dashboard', 'dashboard'],
    ['waht is a workflow', 'workflow'],
    ['Hallo! Wozu dient die Nomenklatur?', 'nomenklatur'],
  ])('%s → %s', async (q, id) => expect(entryOf(await ask(q))).toBe(id));

  it('keeps "form" a word when it is not a question opener', async () => {
    expect(entryOf(await ask('What is a HubSpot form?'))).toBe('formular');
  });
});

describe('comparisons without "und"', () => {
  it.each<[string, [string, string]]>([
    ['Unterschied SQL MQL', ['sql', 'mql']],
    ['Wie unterscheidet sich ein Account von einem Kontakt?', ['account', 'contact']],
    ['How does inbound differ from outbound?', ['inbound', 'outbound']],
  ])('%s', async (q, ids) => {
    const a = await ask(q);
    expect(a.kind).toBe('comparison');
    expect(a.termIds).toEqual(ids);
  });
});

describe('helpful refusals', () => {
  it('offers up to three close terms as buttons when nothing fits', async () => {
    const a = await ask('Was ist ein Lead Magnet?');
    expect(a.kind).toBe('not_found');
    if (a.kind !== 'not_found') return;
    expect(a.suggestions.length).toBeGreaterThanOrEqual(1);
    expect(a.suggestions.length).toBeLessThanOrEqual(3);
    const card = JSON.stringify(renderAnswerCard(a));
    for (const s of a.suggestions) expect(card).toContain(s.term);
    expect(card).toContain('Action.Submit');
  });

  it('refuses without suggestions when nothing is close', async () => {
    const a = await ask('Wie wird das Wetter morgen?');
    expect(a.kind).toBe('not_found');
    if (a.kind === 'not_found') expect(a.suggestions).toEqual([]);
  });
});
