/**
 * Knowledge bench: time to build the indexes and to answer one question in-process (p50/p99),
 * plus the measurements behind the library choice for ranking definitions.
 * Run: npx tsx bench/knowledge.ts   (or call runKnowledgeBench() from another bench).
 */

import { pathToFileURL } from 'node:url';
import Fuse from 'fuse.js';
import MiniSearch from 'minisearch';
import { GLOSSARY, type GlossaryEntry } from '../src/domain/glossary/index.js';
import {
  analyzeWords,
  Bm25DefinitionIndex,
  type DefinitionRanker,
  type RankedEntry,
  type RankOptions,
} from '../src/knowledge/definition-index.js';
import { GLOSSARY_GROUPS } from '../src/knowledge/glossary-groups.js';
import { GlossaryRetriever } from '../src/knowledge/glossary-retriever.js';
import { createKnowledge } from '../src/knowledge/index.js';
import { parseQuestion } from '../src/knowledge/question.js';
import { TermMatcher } from '../src/knowledge/term-matcher.js';
import { Decompounder } from '../src/knowledge/text/decompound.js';
import { tokenizeDe } from '../src/knowledge/text/normalize.js';
import { inMemoryDirectory } from '../test/knowledge/companies.js';
import { QUESTIONS, type TestQuestion } from '../test/knowledge/questions.js';
import { COLLEAGUE_COMPANIES, COLLEAGUE_QUESTIONS } from '../test/knowledge/questions-colleague.js';

export interface KnowledgeBenchResult {
  /** First index build in this process (what the bot pays at start-up, stemmer JIT included). */
  indexBuildMs: number;
  /** Median of later rebuilds. */
  warmIndexBuildMs: number;
  p50Ms: number;
  p99Ms: number;
  /** Questions asked per round. */
  questions: number;
  samples: number;
  /** p99 of a fixed ~0.05 ms CPU loop timed the same way: the machine's own jitter, for reading p99Ms. */
  noiseP99Ms: number;
}

/** Times a constant amount of pure computation as often as the bench times answers. */
function noiseFloor(samples: number): number {
  const times: number[] = [];
  let sink = 0;
  for (let i = 0; i < samples; i++) {
    const t = performance.now();
    for (let j = 0; j < 20_000; j++) sink += Math.sqrt(j);
    times.push(performance.now() - t);
  }
  if (sink < 0) console.log(sink); // keeps the loop from being optimised away
  return percentile(
    times.sort((a, b) => a - b),
    99,
  );
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const round = (n: number) => Math.round(n * 1000) / 1000;

/** Builds the knowledge service and times every question of a test set (default: the main set) over several rounds. */
export async function runKnowledgeBench({
  rounds = 20,
  questions = QUESTIONS,
  colleague = false,
}: {
  rounds?: number;
  questions?: TestQuestion[];
  colleague?: boolean;
} = {}): Promise<KnowledgeBenchResult> {
  let t = performance.now();
  const knowledge = createKnowledge({ companies: inMemoryDirectory(colleague ? COLLEAGUE_COMPANIES : undefined) });
  const indexBuildMs = performance.now() - t;
  const rebuilds: number[] = [];
  for (let i = 0; i < 5; i++) {
    t = performance.now();
    createKnowledge({});
    rebuilds.push(performance.now() - t);
  }
  for (const q of questions) await knowledge.ask(q.q); // warm-up
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const q of questions) {
      t = performance.now();
      await knowledge.ask(q.q);
      times.push(performance.now() - t);
    }
  }
  times.sort((a, b) => a - b);
  return {
    indexBuildMs: round(indexBuildMs),
    warmIndexBuildMs: round(rebuilds.sort((a, b) => a - b)[2]),
    p50Ms: round(percentile(times, 50)),
    p99Ms: round(percentile(times, 99)),
    questions: questions.length,
    samples: times.length,
    noiseP99Ms: round(noiseFloor(times.length)),
  };
}

/**
 * The retriever path alone (parse the question, find terms, rank definitions), every glossary question of a set
 * `rounds` times: p50/p99 over all samples, the p99 of each question's median (robust to the scheduler taking the CPU
 * away mid-call on a loaded machine), and the same-sized noise floor.
 */
export function retrieverPathBench(questions: TestQuestion[], rounds = 50) {
  const glossaryQuestions = questions.filter((q) => ['glossary', 'comparison', 'not_found'].includes(q.expect.kind));
  const retriever = new GlossaryRetriever(
    GLOSSARY,
    new TermMatcher(GLOSSARY, GLOSSARY_GROUPS),
    new Bm25DefinitionIndex(GLOSSARY),
  );
  for (const q of glossaryQuestions) retriever.retrieve(parseQuestion(q.q)); // warm-up
  const all: number[] = [];
  const medians: number[] = [];
  for (const q of glossaryQuestions) {
    const own: number[] = [];
    for (let r = 0; r < rounds; r++) {
      const t = performance.now();
      retriever.retrieve(parseQuestion(q.q));
      own.push(performance.now() - t);
    }
    own.sort((a, b) => a - b);
    medians.push(percentile(own, 50));
    all.push(...own);
  }
  all.sort((a, b) => a - b);
  medians.sort((a, b) => a - b);
  return {
    questions: glossaryQuestions.length,
    samples: all.length,
    p50Ms: round(percentile(all, 50)),
    p99Ms: round(percentile(all, 99)),
    p99OfMediansMs: round(percentile(medians, 99)),
    maxOfMediansMs: round(medians[medians.length - 1]),
    noiseP99Ms: round(noiseFloor(all.length)),
  };
}

// ---- Alternatives measured for ranking definitions (same term matcher and thresholds; only the ranker differs) ----

const GERMAN = { de: true, en: false };
const ENGLISH = { de: false, en: true };
const BOTH = { de: true, en: true };

/** MiniSearch with the same stemming and decompounding; its own BM25+, fuzzy and prefix search. */
class MiniSearchRanker implements DefinitionRanker {
  private readonly index: MiniSearch;
  constructor(entries: readonly GlossaryEntry[]) {
    const decompounder = new Decompounder(
      entries.flatMap((e) => tokenizeDe([e.term, ...e.synonyms, e.definition].join(' '))),
    );
    const fieldLanguage: Record<string, typeof GERMAN> = {
      nameDe: GERMAN,
      bodyDe: GERMAN,
      nameEn: ENGLISH,
      bodyEn: ENGLISH,
    };
    this.index = new MiniSearch({
      fields: ['nameDe', 'nameEn', 'bodyDe', 'bodyEn'],
      tokenize: (text, field) => analyzeWords(text, field ? fieldLanguage[field] : BOTH, decompounder).flat(),
      processTerm: (term) => term,
      searchOptions: { boost: { nameDe: 2, nameEn: 2 }, fuzzy: 0.2, prefix: true },
    });
    this.index.addAll(
      entries.map((e) => ({
        id: e.id,
        nameDe: [e.term, ...e.synonyms, ...e.abbreviations].join(' '),
        nameEn: [e.termEn, ...e.synonymsEn].join(' '),
        bodyDe: e.definition,
        bodyEn: e.definitionEn,
      })),
    );
  }
  rank(text: string, { limit = 5 }: RankOptions = {}): RankedEntry[] {
    const words = new Set(analyzeWords(text, BOTH, null).map((forms) => forms[0]));
    return this.index
      .search(text)
      .slice(0, limit)
      .map((r) => ({
        id: String(r.id),
        score: r.score,
        coverage: Math.min(1, r.queryTerms.length / Math.max(1, words.size)),
        matchedWords: r.queryTerms.length,
      }));
  }
}

/** Fuse.js (Bitap fuzzy matching) over names and definitions; every word of the question is an OR-ed pattern. */
class FuseRanker implements DefinitionRanker {
  private readonly fuse: Fuse<GlossaryEntry>;
  constructor(entries: readonly GlossaryEntry[]) {
    this.fuse = new Fuse([...entries], {
      keys: [{ name: 'term', weight: 2 }, { name: 'synonyms', weight: 2 }, 'definition', 'definitionEn'],
      includeScore: true,
      ignoreLocation: true,
      threshold: 0.3,
      useExtendedSearch: true,
    });
  }
  rank(text: string, { limit = 5 }: RankOptions = {}): RankedEntry[] {
    const words = tokenizeDe(text).filter((w) => w.length > 3);
    if (!words.length) return [];
    return this.fuse
      .search(words.join(' | '))
      .slice(0, limit)
      .map((r) => ({
        id: r.item.id,
        score: 1 - (r.score ?? 1),
        coverage: 1 - (r.score ?? 1),
        matchedWords: words.length,
      }));
  }
}

type RankerFactory = (entries: readonly GlossaryEntry[]) => DefinitionRanker;

/** Accuracy of glossary questions and latency of one retrieval, for one ranker. */
export function compareRanker(name: string, make: RankerFactory, questions: TestQuestion[] = QUESTIONS) {
  const glossaryQuestions = questions.filter((q) => ['glossary', 'comparison', 'not_found'].includes(q.expect.kind));
  let t = performance.now();
  const ranker = make(GLOSSARY);
  const buildMs = performance.now() - t;
  const retriever = new GlossaryRetriever(GLOSSARY, new TermMatcher(GLOSSARY, GLOSSARY_GROUPS), ranker);
  const times: number[] = [];
  let correct = 0;
  let describedCorrect = 0;
  let outsideAnswered = 0;
  for (const q of glossaryQuestions) {
    const parsed = parseQuestion(q.q);
    retriever.retrieve(parsed); // warm
    t = performance.now();
    const r = retriever.retrieve(parsed);
    times.push(performance.now() - t);
    const e = q.expect;
    const ok =
      (e.kind === 'glossary' && r.kind === 'entry' && e.ids.includes(r.id)) ||
      (e.kind === 'comparison' && r.kind === 'comparison' && r.ids.join() === e.ids.join()) ||
      (e.kind === 'not_found' && r.kind === 'none');
    if (ok) correct++;
    if (ok && q.tag === 'paraphrase') describedCorrect++;
    if (e.kind === 'not_found' && r.kind !== 'none') outsideAnswered++;
  }
  times.sort((a, b) => a - b);
  return {
    ranker: name,
    buildMs: round(buildMs),
    accuracy: `${correct}/${glossaryQuestions.length}`,
    paraphrases: `${describedCorrect}/${glossaryQuestions.filter((q) => q.tag === 'paraphrase').length}`,
    outsideAnswered,
    p50Ms: round(percentile(times, 50)),
    p99Ms: round(percentile(times, 99)),
  };
}

export const RANKERS: Array<[string, RankerFactory]> = [
  ['hand-rolled BM25F (chosen)', (e) => new Bm25DefinitionIndex(e)],
  ['minisearch 7 (BM25+, fuzzy, prefix)', (e) => new MiniSearchRanker(e)],
  ['fuse.js 7 (Bitap)', (e) => new FuseRanker(e)],
];

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await runKnowledgeBench();
  const colleague = await runKnowledgeBench({ questions: COLLEAGUE_QUESTIONS, colleague: true });
  console.log('Knowledge service (whole ask(), main set, then the colleague set):');
  console.table([result, colleague]);
  console.log('Definition rankers (glossary questions only, same term matcher; main set, then the colleague set):');
  console.table(RANKERS.map(([name, make]) => compareRanker(name, make)));
  console.table([compareRanker(RANKERS[0][0], RANKERS[0][1], COLLEAGUE_QUESTIONS)]);
  console.log('Retriever path (parse + retrieve), main set, then the colleague set:');
  console.table([retrieverPathBench(QUESTIONS), retrieverPathBench(COLLEAGUE_QUESTIONS)]);
}
