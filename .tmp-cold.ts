const { GLOSSARY } = await import('./src/domain/glossary/index.js');
const { TermMatcher } = await import('./src/knowledge/term-matcher.js');
const { Bm25DefinitionIndex } = await import('./src/knowledge/definition-index.js');
const { GLOSSARY_GROUPS } = await import('./src/knowledge/glossary-groups.js');
let t = performance.now();
new TermMatcher(GLOSSARY, GLOSSARY_GROUPS); const a = performance.now() - t; t = performance.now();
new Bm25DefinitionIndex(GLOSSARY); const b = performance.now() - t;
console.log('terms', a.toFixed(1), 'bm25', b.toFixed(1));
