// @ts-check
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * The layers of src/, bottom up, as the README's "Development" section lists them: each folder
 * and the ones it may import from. An import of anything else crosses a
 * boundary upward and fails the lint, as does an import from outside src/ (the test-only tools,
 * tests, scripts and benches are not shipped).
 */
/** The pure core, bottom up. */
const CORE = ['util', 'checks', 'config', 'run', 'history', 'analysis', 'report'];

export const LAYERS = {
  util: [],
  checks: ['util'],
  config: ['util', 'checks'],
  run: ['util', 'checks', 'config'],
  providers: ['util', 'config', 'run'],
  history: ['util', 'config', 'run'],
  analysis: ['util', 'checks', 'config', 'run', 'history'],
  evidence: ['util', 'config', 'run', 'history', 'analysis'],
  report: ['util', 'config', 'run', 'history', 'analysis', 'evidence'],
  badge: ['util', 'analysis', 'report'],
  init: ['util', 'config'],
  git: ['util'],
  github: ['util'],
  partial: ['util', 'checks', 'config', 'run', 'history', 'analysis', 'report'],
  app: [
    'util',
    'checks',
    'config',
    'run',
    'providers',
    'history',
    'analysis',
    'report',
    'badge',
    'evidence',
    'init',
    'git',
    'partial',
  ],
  cli: [...CORE, 'providers', 'badge', 'evidence', 'init', 'git', 'partial', 'app'],
  action: [...CORE, 'providers', 'badge', 'evidence', 'git', 'github', 'partial', 'app'],
};

/**
 * What the shells may import values from: the use cases of src/app/, util, and the shell's own
 * adapters. Every other layer they may reach, they reach for types only (and for its errors.ts
 * and types.ts).
 */
export const SHELL_VALUES = {
  cli: ['util', 'app'],
  action: ['util', 'app', 'git', 'github'],
};

/** How an import from a file `depth` folders below src/ reaches `name` (a folder or module). */
function reach(depth, name) {
  const up = depth === 0 ? '\\./' : '(?:\\.\\./){' + depth + '}';
  return up + name + '/';
}

/** The runner's API, reached through the ActionHost port (src/action/host.ts) only. */
const CORE_HOST = 'src/action/core-host.ts';

/**
 * One config block per layer and depth: no-restricted-imports with the layers it must not reach.
 * A file imports @actions/core only if it is CORE_HOST (a block of its own, with the same layers).
 */
function boundaries() {
  return Object.entries(LAYERS).flatMap(([layer, allowed]) => {
    const names = Object.keys(LAYERS).filter((other) => other !== layer && !allowed.includes(other));
    const typesOnly = layer in SHELL_VALUES ? allowed.filter((other) => !SHELL_VALUES[layer].includes(other)) : [];
    const depths = [1, 2];
    const rules = (depth, runnerApi) => ({
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: runnerApi
            ? []
            : [
                {
                  name: '@actions/core',
                  message: `the action reaches the runner through its ActionHost (${CORE_HOST}).`,
                },
              ],
          patterns: [
            {
              regex: `^(?:${names.map((n) => reach(depth, n)).join('|')})`,
              message: `${layer} is below this in the layers of src/ (README, "Development"): import downward only.`,
            },
            {
              regex: `^(?:\\.\\./){${depth + 1}}(?:tools|test|scripts|bench)/`,
              message: 'src/ is what ships: it imports nothing from tools/, test/, scripts/ or bench/.',
            },
            ...(typesOnly.length === 0
              ? []
              : [
                  {
                    // Their errors.ts (to catch what a use case throws) and types.ts (the domain's
                    // types and defaults) are the exceptions.
                    regex: `^(?:${typesOnly.map((n) => reach(depth, n)).join('|')})(?!(?:errors|types)\\.js$)`,
                    allowTypeImports: true,
                    message: `${layer} is a shell: it calls the use cases of src/app/ and imports the core only as types (docs/architecture.md).`,
                  },
                ]),
          ],
        },
      ],
    });
    return depths.flatMap((depth) => {
      const files = [`src/${layer}/${'*/'.repeat(depth - 1)}*.ts`];
      const block = { files, rules: rules(depth, false) };
      return CORE_HOST.startsWith(`src/${layer}/`) && depth === 1
        ? [block, { files: [CORE_HOST], rules: rules(depth, true) }]
        : [block];
    });
  });
}

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', '**/*.generated.js', '**/*.generated.d.ts', 'coverage/'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // A leading underscore marks a value left out on purpose (`const { a: _a, ...rest } = x`).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      // Untrusted text is cleaned of control characters: regexes name them on purpose.
      'no-control-regex': 'off',
    },
  },
  {
    files: ['test/**'],
    rules: {
      // Expected CLI output is matched as printed, aligned with spaces.
      'no-regex-spaces': 'off',
      // Tests corrupt parsed JSON at arbitrary depths.
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  ...boundaries(),
);
