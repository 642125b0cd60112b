// Who may import what: the one source of these rules, run by `npm run check:boundaries` and by
// tests/architecture.test.ts. No exceptions: a file that needs one is in the wrong layer.

/** Each layer of src/ and the layers it may import from (itself included). */
const LAYERS = {
  domain: ['domain'],
  analysis: ['analysis', 'domain'],
  db: ['db', 'domain'],
  contracts: ['contracts', 'domain'],
  core: ['core', 'db', 'domain', 'analysis'],
  // The HTTP edge: registering a route contract, and the request's service context.
  http: ['http', 'core', 'contracts', 'db', 'domain'],
  features: ['features', 'http', 'core', 'contracts', 'db', 'domain', 'analysis'],
  server: ['server', 'http', 'core', 'features', 'contracts', 'db', 'domain', 'analysis'],
  cli: ['cli', 'server', 'core', 'features', 'db', 'domain', 'analysis'],
  web: ['web', 'contracts', 'domain', 'analysis'],
};

const any = (names) => `^src/(${names.join('|')})/`;

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    ...Object.entries(LAYERS).map(([layer, allowed]) => ({
      name: `layer-${layer}`,
      comment: `src/${layer} may import only ${allowed.map((a) => `src/${a}`).join(', ')}.`,
      severity: 'error',
      from: { path: `^src/${layer}/` },
      to: { path: '^src/', pathNot: any(allowed) },
    })),
    {
      name: 'layer-unknown',
      comment: `Every source file belongs to a layer: ${Object.keys(LAYERS).join(', ')}.`,
      severity: 'error',
      from: { path: '^src/', pathNot: any(Object.keys(LAYERS)) },
      to: {},
    },
    {
      name: 'no-test-code',
      comment: 'The product never imports test setup, factories or benchmarks.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(tests|bench)/' },
    },
    {
      name: 'feature-repo-private',
      comment: "A feature uses another feature's data through its service, never its repository.",
      severity: 'error',
      from: { path: '^src/features/([^/]+)/' },
      to: { path: '^src/features/[^/]+/.+[.]repo[.]ts$', pathNot: '^src/features/$1/' },
    },
    {
      name: 'http-only-in-routes',
      comment: 'Within features, only *.routes.ts touches the HTTP framework.',
      severity: 'error',
      from: { path: '^src/features/', pathNot: '[.]routes[.]ts$' },
      to: { path: ['^node_modules/fastify/', '^src/http/'] },
    },
    {
      name: 'no-circular',
      comment: 'Modules depend in one direction: a cycle cannot be understood, tested or moved one part at a time.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'resolvable',
      comment: 'Every import resolves to a file, so none of the rules above is passed by a path the cruise cannot see.',
      severity: 'error',
      from: { path: '^src/' },
      to: { couldNotResolve: true },
    },
  ],
  options: {
    // Tests beside the code exercise it through the server (app.inject), so they are outside the layering.
    exclude: { path: '[.]test[.]tsx?$' },
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    skipAnalysisNotInRules: true,
    reporterOptions: { text: { highlightFocused: true } },
  },
};
