// The allowed arrows between the rooms of src/ (../shared/DESIGN.md, "the turn" and "layout"),
// checked by `npm run depcruise` in `npm test`. Type-only imports count: a type lives in the room
// that owns the concept. docs/architecture.md is drawn from this cruise (npm run docs:architecture).
const { existsSync, readFileSync } = require('node:fs');

// Violations known when these rules arrived, to be emptied as the rooms are untangled
// (`npm run depcruise` ignores them; a new one fails). dependency-cruiser 17 cannot baseline a
// folder-level cycle, so while that list is not empty a room cycle is a warning, and an error after.
const KNOWN = '.dependency-cruiser-known-violations.json';
const untangling = existsSync(KNOWN) && JSON.parse(readFileSync(KNOWN, 'utf8')).length > 0;

/** Files at the root of src/ that every room may use and that use no room. */
const KERNEL = '^src/(config|errors|logger)[.]ts$';
/** The composition root: the only place that builds infrastructure and wires it together. */
const ROOT = '^src/(app|appChannels|runtime|backend|channelClients|main)[.]ts$';
/** The rooms a store implementation must never reach up into. */
const ABOVE_STORAGE = `^src/(bot|conversation|channels|http|coordination|cli|evaluation)/|${ROOT}`;
/** The customer side: a bank-side room reaches it only through stores and the event bus. */
const CUSTOMER_SIDE = '^src/(bot|channels|conversation)/';
/**
 * What the bank side may see of the turn: the conversation's ports and records (transcript,
 * conversation record, feedback, the neutral TurnResult and how a stored message is shown), the
 * bot's handoff request and report, and personal-data masking; never the pipeline's internals.
 */
const CUSTOMER_PUBLIC =
  '^src/conversation/(transcript|conversationRecord|feedback|turnResult|apiMessage|messageView)[.]ts$|^src/bot/(handoffRequest|report/agencyReport|pii)[.]ts$';
/** The ports a store implements, owned by the rooms above it: storage imports their types only. */
const PORTS =
  '^src/conversation/(transcript|conversationRecord|feedback)[.]ts$|^src/bot/(reply|handoffRequest|report/agencyReport)[.]ts$';
const BANK_SIDE = '^src/(handoff|agents|intel|insights)/';
/** Modules whose value (not type) import means building infrastructure: stores, locks, buses. */
const STORE_OPENERS = '^src/storage/(open[^/]*|[^/]+/open[^/]*)[.]ts$';
const COORDINATION =
  '^src/coordination/|^src/http/(keyedLock|redisLock|rateLimiter|redisRateLimiter|eventBus|redisEventBus|tokenRevocations)[.]ts$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'Modules never import each other in a circle, not even for types.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-room-cycles',
      comment: 'No two rooms (src/<room>) import each other, directly or around a circle.',
      severity: untangling ? 'warn' : 'error',
      scope: 'folder',
      from: { path: '^src/[^/]+$' },
      to: { path: '^src/[^/]+$', circular: true },
    },
    {
      name: 'kernel-imports-no-room',
      comment: 'config.ts, errors.ts and logger.ts sit under every room, so they import none.',
      severity: 'error',
      from: { path: KERNEL },
      to: { path: '^src/[^/]+/' },
    },
    {
      name: 'knowledge-imports-no-room',
      comment: 'knowledge/ (content, retrieval) knows nothing of bot/, channels or stores: only the kernel.',
      severity: 'error',
      from: { path: '^src/knowledge/' },
      to: { path: '^src/', pathNot: `^src/knowledge/|${KERNEL}` },
    },
    {
      name: 'storage-imports-no-room-above',
      comment: 'storage/ implements the ports that their rooms define; it never uses the rooms that use it.',
      severity: 'error',
      from: { path: '^src/storage/' },
      to: { path: ABOVE_STORAGE, pathNot: PORTS },
    },
    {
      name: 'storage-imports-only-port-types',
      comment: 'Of the rooms above it, storage sees only the ports it implements, and only their types.',
      severity: 'error',
      from: { path: '^src/storage/' },
      to: { path: PORTS, dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'bot-imports-no-channel',
      comment: 'The bot decides what to say; channels (and the pipeline that serves them) render it.',
      severity: 'error',
      from: { path: '^src/bot/' },
      to: { path: '^src/(channels|conversation)/' },
    },
    {
      name: 'channels-import-no-other-channel',
      comment: 'Each channel (src/channels/<name>/) stands alone; what two share lives beside them.',
      severity: 'error',
      from: { path: '^src/channels/([^/]+)/' },
      to: { path: '^src/channels/[^/]+/', pathNot: '^src/channels/$1/' },
    },
    {
      name: 'channels-shared-imports-no-channel',
      comment: 'Files directly in src/channels/ serve every channel, so they depend on none of them.',
      severity: 'error',
      from: { path: '^src/channels/[^/]+[.]ts$' },
      to: { path: '^src/channels/[^/]+/' },
    },
    {
      name: 'bank-side-not-into-the-turn',
      comment:
        'The bank side (handoff, agents, intel, insights) meets the customer side only in stores and the event bus; of conversation/ it sees the ports alone.',
      severity: 'error',
      from: { path: BANK_SIDE },
      to: { path: CUSTOMER_SIDE, pathNot: CUSTOMER_PUBLIC },
    },
    {
      name: 'stores-opened-in-composition-root',
      comment: 'Only the composition root opens stores (the CLIs open the runtime that the server opens).',
      severity: 'error',
      from: { pathNot: `${ROOT}|^src/storage/` },
      to: { path: STORE_OPENERS, dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'coordination-built-in-composition-root',
      comment:
        'Locks, rate limiters, event buses and revocation lists are built once, by the composition root.',
      severity: 'error',
      from: { pathNot: `${ROOT}|${COORDINATION}` },
      to: { path: COORDINATION, dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'no-orphans',
      comment: 'A module nothing imports and that imports nothing is dead (or a forgotten entry point).',
      severity: 'error',
      from: { orphan: true, pathNot: '[.]d[.]ts$' },
      to: {},
    },
    {
      name: 'src-not-to-dev-deps',
      comment: 'The service runs with production dependencies only.',
      severity: 'error',
      from: { path: '^src/' },
      to: { dependencyTypes: ['npm-dev'], pathNot: '^node_modules/@types/' },
    },
    {
      name: 'no-unresolvable',
      comment: 'Every import resolves (a missing file or package fails here before it fails at run time).',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'no-undeclared-package',
      comment: 'Every package imported is declared in package.json.',
      severity: 'error',
      from: {},
      to: { dependencyTypes: ['npm-no-pkg', 'npm-unknown'] },
    },
  ],
  options: {
    // Sees `import type` and type-only re-exports, which the compiled JavaScript would drop.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    skipAnalysisNotInRules: true,
  },
};
