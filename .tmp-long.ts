import { createKnowledge } from '/work/main/src/knowledge/index.js';
const k = createKnowledge({});
const long = 'Wie nennt man Werbung bei der wir Kunden ansprechen und Kampagnen planen mit Formularen und Listen '.repeat(20).slice(0, 2000);
await k.ask(long);
let t = performance.now(); const a = await k.ask(long); console.log('2000 chars', (performance.now() - t).toFixed(1), 'ms', a.kind, a.termIds);
const junk = Array.from({ length: 300 }, (_, i) => 'wort' + i.toString(36) + 'xyz').join(' ');
t = performance.now(); const b = await k.ask(junk); console.log('300 unknown words', (performance.now() - t).toFixed(1), 'ms', b.kind);
