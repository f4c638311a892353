/**
 * The layer rules of the code (docs/architecture.md), kept by a tool instead of by memory:
 * `npm run lint:deps` (part of `npm test`). A violation names both files.
 *
 *   pages, layouts, components ──► islands ──► stores ──► storage ──► lib
 *                 └─────────────► delivery ──┘ (pages start delivery adapters; islands never do)
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No import circles: shared types and helpers go below the modules that use them.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'lib-is-pure',
      severity: 'error',
      comment: 'src/lib is pure TypeScript: it imports nothing outside src/lib (no DOM adapters, stores, storage or UI).',
      from: { path: '^src/lib/' },
      to: { path: '^src/(?!lib/)' },
    },
    {
      name: 'storage-below-stores',
      severity: 'error',
      comment: 'Storage backends use only lib; the stores choose and use them.',
      from: { path: '^src/storage/' },
      to: { path: '^src/(?!storage/|lib/)' },
    },
    {
      name: 'stores-below-ui',
      severity: 'error',
      comment: 'Stores hold state and actions: they never import islands, components, pages or delivery adapters.',
      from: { path: '^src/stores/' },
      to: { path: '^src/(islands|components|layouts|pages|delivery)/' },
    },
    {
      name: 'islands-start-no-adapters',
      severity: 'error',
      comment: 'Islands render and call store actions: they never import delivery adapters (pages start those) or storage backends (stores use those).',
      from: { path: '^src/islands/' },
      to: { path: '^src/(delivery|storage|components|layouts|pages)/' },
    },
    {
      name: 'delivery-not-ui',
      severity: 'error',
      comment: 'Delivery adapters drive the stores; they never import islands or pages.',
      from: { path: '^src/delivery/' },
      to: { path: '^src/(islands|components|layouts|pages)/' },
    },
    {
      name: 'authoring-tools-outside-the-runtime',
      severity: 'error',
      comment: 'The course never loads the authoring tools (scripts/).',
      from: { path: '^src/' },
      to: { path: '^scripts/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|node_modules)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.tsx', '.mjs', '.js', '.astro'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
