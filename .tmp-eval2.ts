import { createKnowledge } from './src/knowledge/index.js';
import { QUESTIONS } from './test/knowledge/questions.js';
import { evaluate, accuracyByTag } from './test/knowledge/evaluate.js';
import { inMemoryDirectory } from './test/knowledge/companies.js';
const k = createKnowledge({ companies: inMemoryDirectory() });
const graded = await evaluate(k, QUESTIONS);
for (const g of graded) if (!g.correct || !g.languageOk) console.log(g.correct ? 'LANG' : 'FAIL', g.question.tag, g.question.q, '=>', g.answer.kind, g.answer.locale, JSON.stringify(g.answer.termIds), g.answer.kind === 'betreuungsmodell' ? JSON.stringify(g.answer.input) : '', g.answer.kind === 'segment' ? JSON.stringify(g.answer.result) : '');
console.table(accuracyByTag(graded));
