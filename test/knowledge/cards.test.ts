import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { renderAnswerCard } from '../../src/cards/knowledge-card.js';
import { GLOSSARY, glossaryEntry } from '../../src/domain/glossary/index.js';
import { type Answer, createKnowledge, type Knowledge } from '../../src/knowledge/index.js';
import { inMemoryDirectory } from './companies.js';

// The package's ESM build has extension-less imports Node cannot load; its UMD bundle parses cards without a DOM.
const AC = createRequire(import.meta.url)('adaptivecards/dist/adaptivecards.js');

/** Parser and validator events of the official Adaptive Cards SDK for a card. */
function cardIssues(card: object): string[] {
  const parsed = new AC.AdaptiveCard();
  const ctx = new AC.SerializationContext();
  parsed.parse(card, ctx);
  const issues: string[] = [];
  for (let i = 0; i < ctx.eventCount; i++) issues.push(ctx.getEventAt(i).message);
  for (const e of parsed.validateProperties().validationEvents) issues.push(e.message);
  return issues;
}

const TextBlock = z
  .object({ type: z.literal('TextBlock'), text: z.string().min(1), wrap: z.literal(true) })
  .passthrough();
const ImBack = z.object({
  type: z.literal('Action.Submit'),
  title: z.string().min(1),
  data: z.object({ msteams: z.object({ type: z.literal('imBack'), value: z.string().min(1) }) }),
});
const OpenUrl = z.object({ type: z.literal('Action.OpenUrl'), title: z.string(), url: z.string().url() });
const Card = z.object({
  type: z.literal('AdaptiveCard'),
  version: z.literal('1.5'),
  body: z.array(z.object({ type: z.string() }).passthrough()).min(1),
  actions: z
    .array(z.union([ImBack, OpenUrl]))
    .max(5)
    .optional(),
});
const GlossaryCard = Card.extend({ body: z.tuple([TextBlock]).rest(z.object({ type: z.string() }).passthrough()) });

const QUESTIONS = [
  'Was ist ein MQL?',
  'What is a property in HubSpot?',
  'Was ist Kundenklassifikation Partner?',
  'MQL vs. SQL',
  'Marketingattribut oder Marketingmerkmal – was ist der Unterschied?',
  'Welche Betreuungsmodelle gibt es?',
  'Was bedeutet SEO?',
  'What is a KPI?',
  'Welches Segment hat ein Unternehmen mit 85 Mio. Umsatz?',
  'Segment for 75 million revenue and 3,200 employees?',
  'Betreuungsmodell für 3 Market Units, 500k Umsatzpotenzial, Beziehung auf Entscheiderebene',
  'Betreuungsmodell: 3 Market Units und 500k, aber keine Beziehung zu Entscheidern',
  'Klassifiziere die Musterfirma GmbH',
  'Klassifiziere die Leer GmbH',
  'Welches Segment hat die Beispiel AG?',
  'Klassifiziere die Unbekannt GmbH',
  'hilfe',
  'my leads',
];

let knowledge: Knowledge;
const answers = new Map<string, Answer>();

beforeAll(async () => {
  knowledge = createKnowledge({ companies: inMemoryDirectory() });
  for (const q of QUESTIONS) answers.set(q, await knowledge.ask(q));
  answers.set('unavailable', await createKnowledge({}).ask('Klassifiziere die Musterfirma GmbH'));
});

describe('knowledge cards', () => {
  it('covers every answer kind', () => {
    const kinds = new Set([...answers.values()].map((a) => a.kind));
    expect([...kinds].sort()).toEqual([
      'betreuungsmodell',
      'command',
      'company',
      'company_choice',
      'company_not_found',
      'comparison',
      'glossary',
      'help',
      'not_found',
      'overview',
      'segment',
      'unavailable',
    ]);
  });

  it.each([...QUESTIONS, 'unavailable'])('card for "%s" parses without errors, is well-formed and small', (q) => {
    const card = renderAnswerCard(answers.get(q)!);
    expect(cardIssues(card)).toEqual([]);
    Card.parse(card);
    expect(JSON.stringify(card).length).toBeLessThan(28_000); // Teams message size limit
  });

  it('the official parser does report a broken card (the check can fail)', () => {
    expect(
      cardIssues({
        type: 'AdaptiveCard',
        version: '1.5',
        body: [{ type: 'Bogus' }],
        actions: [{ type: 'Action.Nope', title: 'x' }],
      }).length,
    ).toBe(2);
  });

  it("glossary card: name first, the customer's definition, related terms as buttons, source footer", () => {
    const card = GlossaryCard.parse(renderAnswerCard(answers.get('Was ist ein MQL?')!));
    const mql = glossaryEntry('mql');
    expect(card.body[0].text).toBe('MQL');
    expect(JSON.stringify(card.body)).toContain(JSON.stringify(mql.definition).slice(1, -1));
    expect(card.body[card.body.length - 1]).toMatchObject({
      type: 'TextBlock',
      text: 'Quelle: Glossar Leadmanagement',
    });
    expect(card.actions?.map((a) => a.title)).toEqual(['SQL', 'SAL', 'Scoring', 'Routing', 'Lead']);
    expect(card.actions?.[0]).toEqual({
      type: 'Action.Submit',
      title: 'SQL',
      data: { msteams: { type: 'imBack', value: 'Was ist SQL?' } },
    });
  });

  it('English card: English definition, German term in brackets', () => {
    const card = GlossaryCard.parse(renderAnswerCard(answers.get('What is a property in HubSpot?')!));
    expect(card.body[0].text).toBe('Property (Eigenschaft)');
    expect(JSON.stringify(card.body)).toContain(glossaryEntry('eigenschaft').definitionEn);
    expect(JSON.stringify(card.body)).not.toContain(glossaryEntry('eigenschaft').definition);
    expect(card.actions?.every((a) => 'data' in a && a.data.msteams.value.startsWith('What is '))).toBe(true);
  });

  it('an entry inferred from a description offers the next candidates first', async () => {
    const a = await knowledge.ask('Wie nennt man eine zeitlich begrenzte Marketingaktion mit einem Ziel?');
    expect(a.kind === 'glossary' && a.matchedBy).toBe('description');
    if (a.kind !== 'glossary') return;
    expect(a.alternatives.length).toBeGreaterThan(0);
    const card = Card.parse(renderAnswerCard(a));
    expect(JSON.stringify(card.body)).toContain('Aus deiner Beschreibung erschlossen');
    expect(card.actions?.[0].title).toBe(a.alternatives[0].term);
  });

  it('says "in Klärung" for entries the customer has not defined yet', () => {
    const body = JSON.stringify(renderAnswerCard(answers.get('Was ist Kundenklassifikation Partner?')!));
    expect(body).toContain('in Klärung');
    expect(body).toContain('Vertrieb');
  });

  it('the company card links the HubSpot record and shows the figures used', () => {
    const card = Card.parse(renderAnswerCard(answers.get('Klassifiziere die Musterfirma GmbH')!));
    expect(card.actions?.[0]).toEqual({
      type: 'Action.OpenUrl',
      title: 'In HubSpot öffnen',
      url: 'https://app.hubspot.com/contacts/1/record/0-2/101',
    });
    expect(JSON.stringify(card.body)).toContain('85 Mio. €');
  });

  it.each(['de', 'en'] as const)(
    'every related-term button (%s) asks a question the bot answers with that entry',
    async (locale) => {
      for (const entry of GLOSSARY) {
        const card = Card.parse(
          renderAnswerCard({
            kind: 'glossary',
            entry,
            matchedBy: 'term',
            alternatives: [],
            locale,
            confidence: 1,
            termIds: [entry.id],
          }),
        );
        const buttons = (card.actions ?? []).filter((a): a is z.infer<typeof ImBack> => a.type === 'Action.Submit');
        expect(buttons.length).toBe(Math.min(entry.related.length, 5));
        for (const [i, b] of buttons.entries()) {
          const answer = await knowledge.ask(b.data.msteams.value);
          expect(
            answer.kind === 'glossary' ? answer.entry.id : answer.kind,
            `${entry.id}: ${b.data.msteams.value}`,
          ).toBe(entry.related[i]);
          expect(answer.locale).toBe(locale);
        }
      }
    },
  );
});
