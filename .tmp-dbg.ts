import { GLOSSARY } from './src/domain/glossary/index.js';
import { TermMatcher } from './src/knowledge/term-matcher.js';
import { Bm25DefinitionIndex, analyzeWords } from './src/knowledge/definition-index.js';
import { parseQuestion, isStopword } from './src/knowledge/question.js';
const tm = new TermMatcher(GLOSSARY); const bm = new Bm25DefinitionIndex(GLOSSARY);
for (const q of process.argv.slice(2)) {
  const pq = parseQuestion(q);
  console.log(q, JSON.stringify({ tokens: pq.tokens, content: pq.content, descriptive: pq.descriptive, comparison: pq.comparison, locale: pq.locale }));
  console.log(' words', JSON.stringify(analyzeWords(q, { de: true, en: true }, bm.decompounder)));
  console.log(' matches', tm.find(pq.tokens, 0, pq.tokens.length, isStopword).map((m) => `${m.id}[${m.start},${m.end})${m.quality}`).join(' '));
  console.log(' ranked', bm.rank(q, { describes: pq.descriptive }).map((r) => `${r.id} ${r.score.toFixed(2)} cov${r.coverage.toFixed(2)}`).join(' | '));
}
