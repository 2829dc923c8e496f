import { PerformanceObserver } from 'node:perf_hooks';
import { createKnowledge } from './src/knowledge/index.js';
import { QUESTIONS } from './test/knowledge/questions.js';
const k = createKnowledge({});
for (const q of QUESTIONS) await k.ask(q.q);
let gcCount = 0, gcMs = 0;
const obs = new PerformanceObserver((l) => { for (const e of l.getEntries()) { gcCount++; gcMs += e.duration; } });
obs.observe({ entryTypes: ['gc'] });
const times: number[] = [];
for (let r = 0; r < 20; r++) for (const q of QUESTIONS) { const t = performance.now(); await k.ask(q.q); times.push(performance.now() - t); }
await new Promise((r) => setTimeout(r, 50));
times.sort((a, b) => a - b);
console.log('gc', gcCount, gcMs.toFixed(1), 'p99', times[Math.floor(times.length * 0.99)].toFixed(3), 'p95', times[Math.floor(times.length * 0.95)].toFixed(3), 'total', times.reduce((a, b) => a + b, 0).toFixed(0));
