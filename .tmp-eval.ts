import { GLOSSARY } from './src/domain/glossary/index.js';
import { TermMatcher } from './src/knowledge/term-matcher.js';
import { Bm25DefinitionIndex } from './src/knowledge/definition-index.js';
import { GlossaryRetriever } from './src/knowledge/glossary-retriever.js';
import { parseQuestion } from './src/knowledge/question.js';
import { QUESTIONS } from './test/knowledge/questions.js';
const t0 = performance.now();
const groups = [
  { group: 'betreuungsmodell', aliases: ['Betreuungsmodell', 'service model', 'coverage model'] },
  { group: 'kundensegment', aliases: ['Kundensegment', 'Segment', 'customer segment'] },
  { group: 'kundenklassifikation', aliases: ['Kundenklassifikation', 'Kundenklassifizierung', 'customer classification'] },
];
const r = new GlossaryRetriever(GLOSSARY, new TermMatcher(GLOSSARY, groups), new Bm25DefinitionIndex(GLOSSARY));
console.log('build', (performance.now() - t0).toFixed(1));
let ok = 0, n = 0;
for (const tq of QUESTIONS) {
  const e = tq.expect;
  if (!['glossary', 'comparison', 'not_found'].includes(e.kind)) continue;
  n++;
  const pq = parseQuestion(tq.q);
  const res = r.retrieve(pq);
  let good = false;
  if (e.kind === 'glossary') good = res.kind === 'entry' && e.ids.includes(res.id);
  if (e.kind === 'comparison') good = res.kind === 'comparison' && res.ids.join() === e.ids.join();
  if (e.kind === 'not_found') good = res.kind === 'none';
  const langOk = pq.locale === tq.lang;
  if (good) ok++;
  if (!good || !langOk || process.argv[2]) console.log(good ? 'OK  ' : 'FAIL', langOk ? '' : '[LANG ' + pq.locale + ']', tq.tag.padEnd(10), tq.q, '=>', JSON.stringify(res), JSON.stringify((e as any).ids ?? ''));
}
console.log(ok, '/', n);
