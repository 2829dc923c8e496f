import { GLOSSARY } from './src/domain/glossary/index.js';
import { Bm25DefinitionIndex } from './src/knowledge/definition-index.js';
import { parseQuestion } from './src/knowledge/question.js';
import { QUESTIONS } from './test/knowledge/questions.js';
const bm = new Bm25DefinitionIndex(GLOSSARY);
for (const tq of QUESTIONS) {
  if (!['paraphrase', 'outside'].includes(tq.tag)) continue;
  const pq = parseQuestion(tq.q);
  const r = bm.rank(tq.q, { describes: true });
  const e = tq.expect as any;
  const ok = e.kind === 'glossary' ? e.ids.includes(r[0]?.id) : 'OUT';
  console.log(String(ok).padEnd(5), pq.descriptive ? 'D' : ' ', (r[0]?.coverage ?? 0).toFixed(2), r[0] ? (r[0].score / (r[1]?.score ?? 1)).toFixed(2) : '-', r[0]?.matchedWords, tq.q.slice(0, 70), r[0]?.id);
}
