import { createKnowledge } from './src/knowledge/index.js';
import { HOLDOUT_QUESTIONS } from './test/knowledge/questions-holdout.js';
import { evaluate, accuracyByTag } from './test/knowledge/evaluate.js';
import { inMemoryDirectory } from './test/knowledge/companies.js';
const graded = await evaluate(createKnowledge({ companies: inMemoryDirectory() }), HOLDOUT_QUESTIONS);
for (const g of graded) if (!g.correct || !g.languageOk) console.log(g.correct ? 'LANG' : 'FAIL', g.question.tag, g.question.q, '=>', g.answer.kind, g.answer.locale, JSON.stringify(g.answer.termIds));
console.table(accuracyByTag(graded));
