import { beforeAll, describe, expect, it } from 'vitest';
import { createKnowledge } from '../../src/knowledge/index.js';
import { inMemoryDirectory } from './companies.js';
import { accuracyByTag, evaluate, type Graded } from './evaluate.js';
import { QUESTIONS } from './questions.js';
import { COLLEAGUE_COMPANIES, COLLEAGUE_QUESTIONS } from './questions-colleague.js';
import { COLLEAGUE_PROBE } from './questions-colleague-probe.js';
import { HOLDOUT_QUESTIONS } from './questions-holdout.js';

const FLOOR = 0.9;
/** The colleague set's bar: in scope (everything but questions outside the glossary). */
const COLLEAGUE_FLOOR = 0.98;
let main: Graded[];
let holdout: Graded[];
let colleague: Graded[];

function report(title: string, graded: Graded[]): string {
  const rows = accuracyByTag(graded).map(
    (r) =>
      `  ${r.tag.padEnd(11)} ${String(r.correct).padStart(3)}/${String(r.total).padEnd(3)} ${(r.accuracy * 100).toFixed(1)} %`,
  );
  const misses = graded
    .filter((g) => !g.correct || !g.languageOk)
    .map((g) => `  ✗ [${g.question.tag}] ${g.question.q} → ${g.answer.kind} ${g.answer.termIds.join(',')}`);
  return [title, ...rows, ...(misses.length ? ['  misses:', ...misses] : [])].join('\n');
}

const overall = (graded: Graded[]) => accuracyByTag(graded).find((r) => r.tag === 'all')!.accuracy;

describe('knowledge accuracy', () => {
  beforeAll(async () => {
    const knowledge = createKnowledge({ companies: inMemoryDirectory() });
    main = await evaluate(knowledge, QUESTIONS);
    holdout = await evaluate(knowledge, HOLDOUT_QUESTIONS);
    // The colleague sets bring their own CRM (company look-ups with words around the name).
    const withCrm = createKnowledge({ companies: inMemoryDirectory(COLLEAGUE_COMPANIES) });
    colleague = await evaluate(withCrm, [...COLLEAGUE_QUESTIONS, ...COLLEAGUE_PROBE]);
    console.log(
      `${report('Knowledge accuracy, main set (written before tuning)', main)}\n${report('Knowledge accuracy, held-out set', holdout)}\n${report('Knowledge accuracy, colleague sets', colleague)}`,
    );
  });

  it('has at least 150 questions in German and English', () => {
    expect(QUESTIONS.length).toBeGreaterThanOrEqual(150);
    expect(QUESTIONS.filter((q) => q.lang === 'en').length).toBeGreaterThanOrEqual(40);
  });

  it(`answers at least ${FLOOR * 100} % of each set correctly, in the question's language`, () => {
    expect(overall(main)).toBeGreaterThanOrEqual(FLOOR);
    expect(overall(holdout)).toBeGreaterThanOrEqual(FLOOR);
  });

  it(`answers at least ${COLLEAGUE_FLOOR * 100} % of the colleague set's in-scope questions (≥ 150) correctly`, () => {
    const colleagueSet = colleague.slice(0, COLLEAGUE_QUESTIONS.length);
    const inScope = colleagueSet.filter((g) => g.question.tag !== 'outside');
    expect(inScope.length).toBeGreaterThanOrEqual(150);
    expect(COLLEAGUE_QUESTIONS.filter((q) => q.lang === 'en').length).toBeGreaterThanOrEqual(30);
    const right = inScope.filter((g) => g.correct && g.languageOk).length;
    expect(right / inScope.length).toBeGreaterThanOrEqual(COLLEAGUE_FLOOR);
  });

  it('never gives a definition for a question outside the glossary', () => {
    // The probe's borderline "Lead Score Threshold in Salesforce" (answered with Scoring) is reported, not asserted.
    const outside = [...main, ...holdout, ...colleague.slice(0, COLLEAGUE_QUESTIONS.length)].filter(
      (g) => g.question.expect.kind === 'not_found',
    );
    expect(outside.length).toBeGreaterThanOrEqual(40);
    for (const g of outside) expect(g.answer.kind, g.question.q).toBe('not_found');
  });

  it('gets every classification and routing question right (they are rules, not retrieval)', () => {
    const ruled = [...main, ...holdout, ...colleague].filter((g) =>
      ['segment', 'quantity', 'betreuung', 'company', 'routing'].includes(g.question.tag),
    );
    expect(ruled.filter((g) => !g.correct).map((g) => g.question.q)).toEqual([]);
  });

  it('never answers a wrong definition with full confidence', () => {
    const wrong = [...main, ...holdout, ...colleague].filter((g) => !g.correct && g.answer.kind === 'glossary');
    for (const g of wrong) expect(g.answer.confidence, g.question.q).toBeLessThan(1);
  });
});
