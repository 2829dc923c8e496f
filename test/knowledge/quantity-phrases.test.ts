/**
 * Quantity phrases (comparative + number + unit) at every boundary of the seed's segment table:
 * revenue < 50 Mio. | 50–500 Mio. | > 500 Mio.; employees < 100 | 100–2000 | > 2000 ("über" and "unter" are strict).
 */
import { describe, expect, it } from 'vitest';
import { classifyBetreuungsmodell } from '../../src/domain/classification/betreuungsmodell.js';
import { classifyKundensegment, type Kundensegment } from '../../src/domain/classification/kundensegment.js';
import { type Comparison, comparisonBefore, extractFigures } from '../../src/domain/classification/quantities.js';
import { detectClassification } from '../../src/knowledge/classification-intent.js';
import { createKnowledge, renderAnswerText } from '../../src/knowledge/index.js';

const S: Kundensegment = 'SMALL_BUSINESS';
const M: Kundensegment = 'MIDMARKET';
const L: Kundensegment = 'LARGE_ENTERPRISE';

/** Reading the question and applying the domain rule, as the bot does (createKnowledge only adds the answer around it). */
function segmentOf(text: string): Kundensegment | null {
  const intent = detectClassification(text);
  return intent?.kind === 'segment' ? (classifyKundensegment(intent.input)?.segment ?? null) : null;
}

describe('comparisonBefore', () => {
  it.each<[string, Comparison | undefined]>([
    ['Umsatz über', 'above'],
    ['Umsatz ueber', 'above'],
    ['mehr als', 'above'],
    ['more than', 'above'],
    ['above', 'above'],
    ['over', 'above'],
    ['Umsatz >', 'above'],
    ['knapp unter', 'below'],
    ['weniger als', 'below'],
    ['weniger', 'below'], // the seed's own "weniger 100 Mitarbeitern"
    ['fewer than', 'below'],
    ['less than', 'below'],
    ['under', 'below'],
    ['<', 'below'],
    ['mindestens', 'at_least'],
    ['ab', 'at_least'],
    ['at least', 'at_least'],
    ['>=', 'at_least'],
    ['höchstens', 'at_most'],
    ['bis zu', 'at_most'],
    ['up to', 'at_most'],
    ['nicht mehr als', 'at_most'],
    ['no fewer than', 'at_least'],
    ['Umsatz von', undefined],
    ['Kunde mit', undefined],
    ['Grab', undefined], // "ab" only as a word
    ['Hover', undefined], // "over" only as a word
  ])('%s → %s', (before, comparison) => expect(comparisonBefore(`${before} `)).toBe(comparison));
});

describe('extractFigures keeps the comparative with the figure', () => {
  it.each<[string, string, number, Comparison | undefined]>([
    ['über 500 Mio. Umsatz', 'money', 500e6, 'above'],
    ['mehr als 0,5 Mrd. €', 'money', 500e6, 'above'],
    ['weniger als 50.000 Tsd. € Umsatz', 'money', 50e6, 'below'],
    ['under €50m revenue', 'money', 50e6, 'below'],
    ['at least 300k potential', 'money', 300e3, 'at_least'],
    ['mehr als 2000 MA', 'employees', 2000, 'above'],
    ['weniger als 100 Mitarbeitende', 'employees', 100, 'below'],
    ['fewer than 100 employees', 'employees', 100, 'below'],
    ['mehr als 3 Market Units', 'market_units', 3, 'above'],
    ['500 Mio. Umsatz', 'money', 500e6, undefined],
  ])('%s', (text, kind, value, comparison) => {
    const [f] = extractFigures(text);
    expect(f).toMatchObject({ kind, value });
    expect(f.comparison).toBe(comparison);
  });
});

describe('segment at every boundary of the seed table', () => {
  it.each<[string, Kundensegment]>([
    // revenue 50 Mio.: below is Small Business, 50 Mio. itself is Midmarket
    ['Umsatz 50 Mio.', M],
    ['Umsatz unter 50 Mio.', S],
    ['Umsatz weniger als 50 Mio. €', S],
    ['Umsatz über 50 Mio.', M],
    ['Umsatz mindestens 50 Mio.', M],
    ['Umsatz höchstens 50 Mio.', M],
    ['revenue of 49.9 million', S],
    ['revenue below €50m', S],
    ['revenue of at least 50m', M],
    ['Umsatz 50.000 Tsd. €', M],
    ['Umsatz unter 50.000k €', S],
    ['Umsatz über 49 Mio.', S], // just above 49 Mio. is still below 50 Mio.
    // revenue 500 Mio.: 500 Mio. itself is Midmarket, above is Large Enterprise
    ['Umsatz 500 Mio.', M],
    ['Umsatz über 500 Mio.', L],
    ['Umsatz mehr als 500 Mio. €', L],
    ['Umsatz > 500 Mio.', L],
    ['Umsatz unter 500 Mio.', M],
    ['Umsatz bis zu 500 Mio.', M],
    ['Umsatz 0,5 Mrd. €', M],
    ['Umsatz über 0,5 Mrd. €', L],
    ['more than 500 million revenue', L],
    ['revenue of at most 500m', M],
    ['Umsatz 501 Mio.', L],
    // employees 100: below is Small Business
    ['100 Mitarbeiter', M],
    ['99 Mitarbeitende', S],
    ['unter 100 MA', S],
    ['weniger als 100 Beschäftigte', S],
    ['mehr als 99 Mitarbeitende', M], // whole people: more than 99 is at least 100
    ['ab 100 Mitarbeitern', M],
    ['fewer than 100 employees', S],
    ['at least 100 employees', M],
    ['weniger 100 Mitarbeitern', S],
    // employees 2000: 2000 itself is Midmarket, above is Large Enterprise
    ['2000 Mitarbeitende', M],
    ['2.001 Mitarbeiter', L],
    ['mehr als 2000 Mitarbeiter', L],
    ['über 2.000 MA', L],
    ['unter 2001 Mitarbeitern', M],
    ['höchstens 2000 employees', M],
    ['more than 2,000 employees', L],
    ['at least 2000 employees', M],
    ['over 1999 employees', M],
  ])('%s → %s', (text, segment) => expect(segmentOf(text)).toBe(segment));

  it('honours both bounds together: the higher segment wins', () => {
    expect(segmentOf('Umsatz unter 50 Mio. und mehr als 2000 Mitarbeiter')).toBe(L);
    expect(segmentOf('less than €50m revenue and fewer than 100 employees')).toBe(S);
  });

  it('says the bound in the answer, not a made-up exact figure', async () => {
    const knowledge = createKnowledge();
    const de = renderAnswerText(await knowledge.ask('Kunde mit über 500 Mio. Umsatz und weniger als 100 MA'));
    expect(de).toContain('Jahresumsatz über 500 Mio. €');
    expect(de).toContain('Unter 100 Mitarbeiter');
    const en = renderAnswerText(await knowledge.ask('Which segment for more than 2,000 employees?'));
    expect(en).toContain('More than 2,000 employees → Large Enterprise');
  });
});

describe('Betreuungsmodell bounds', () => {
  const model = (text: string) => {
    const intent = detectClassification(text);
    return intent?.kind === 'betreuungsmodell' ? classifyBetreuungsmodell(intent.input).model : 'not a model question';
  };
  it.each<[string, string | null]>([
    ['Betreuungsmodell: mehr als 3 Market Units, hohes Umsatzpotenzial, C-Level', 'KEY_ACCOUNT'],
    ['Betreuungsmodell: mindestens 3 Market Units, hohes Umsatzpotenzial, C-Level', 'NAMED_ACCOUNT'], // 3 is not more than 3
    ['Betreuungsmodell: 3 Market Units, Umsatzpotenzial über 300k, Entscheider', 'NAMED_ACCOUNT'],
    ['Betreuungsmodell: 3 Market Units, Umsatzpotenzial 300k, Entscheider', null], // 300k is neither above nor below
    ['Betreuungsmodell: 2 Market Units, Umsatzpotenzial unter 300k', 'SMART_ACCOUNT'],
    ['Betreuungsmodell: weniger als 2 Market Units', 'SINGLE_ACCOUNT'],
  ])('%s → %s', (text, expected) => expect(model(text)).toBe(expected));
});
