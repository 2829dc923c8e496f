// Layer rules for src/: which folder may import which package or folder. `npm run lint` fails on any violation.
// Package paths allow an @types/ prefix: with tsPreCompilationDeps a type-only import resolves to the typings.
const pkg = (names) => `(^|/)node_modules/(@types/)?(${names})(/|$)`;

/** Only `allowed` (a path regex under src/) may import the packages `names`. */
const onlyIn = (name, allowed, names, comment) => ({
  name,
  comment,
  severity: 'error',
  from: { path: '^src/', pathNot: allowed },
  to: { path: pkg(names) },
});

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'An import cycle in src/ ties modules that should be layered; break it by moving the shared part down.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'domain-is-pure',
      comment: 'src/domain/ is pure TypeScript: it imports only src/domain/ and src/lib/ (no packages, no node builtins).',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { pathNot: '^src/(domain|lib)/' },
    },
    onlyIn(
      'bot-sdk-only-in-bot',
      '^src/bot/',
      'botbuilder[^/]*|botframework-[^/]+|@microsoft/teams-ai',
      'src/bot/ is the only place that knows the Bot Framework SDK (a later SDK migration touches one folder); src/teams/ holds SDK-free types and the pacer.',
    ),
    onlyIn(
      'hubspot-sdk-only-in-hubspot',
      '^src/hubspot/',
      '@hubspot/api-client',
      'The HubSpot client hides @hubspot/api-client behind a small interface.',
    ),
    onlyIn(
      'database-only-in-store',
      '^src/store/',
      'kysely|pg|better-sqlite3',
      'All SQL and every database type lives in src/store/.',
    ),
    onlyIn(
      'restify-only-in-http',
      '^src/(http/|index\\.ts$|app\\.ts$)',
      'restify',
      'The HTTP server (src/http/) and the composition root are the only places that know restify.',
    ),
    {
      name: 'src-not-to-test',
      comment: 'Product code never knows about tests, stand-ins or their support code.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^test/' },
    },
    {
      name: 'no-unresolvable',
      comment: 'An import that cannot be resolved would slip past every rule above.',
      severity: 'error',
      from: { path: '^src/' },
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
  },
};
