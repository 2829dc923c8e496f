import { createKnowledge } from './src/knowledge/index.js';
import { QUESTIONS } from './test/knowledge/questions.js';
import { inMemoryDirectory } from './test/knowledge/companies.js';
const k = createKnowledge({ companies: inMemoryDirectory() });
for (let i = 0; i < 3; i++) for (const q of QUESTIONS) await k.ask(q.q);
const res: Array<[number, string]> = [];
for (const q of QUESTIONS) {
  const ts: number[] = [];
  for (let i = 0; i < 20; i++) { const t = performance.now(); await k.ask(q.q); ts.push(performance.now() - t); }
  ts.sort((a, b) => a - b);
  res.push([ts[10], q.q]);
}
res.sort((a, b) => b[0] - a[0]);
console.log(res.slice(0, 12).map(([t, q]) => t.toFixed(3) + ' ' + q).join('\n'));
