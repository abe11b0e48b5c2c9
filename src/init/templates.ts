import { DEFAULTS } from '../config/types.js';
import type { ProviderPreset } from './presets.js';

/** Where the published action and schemas live; the README's workflows use the same name. */
export const ACTION = 'OWNER/trackrecord@v1';
const SCHEMA_BASE = 'https://unpkg.com/trackrecord/schema';

export const STARTER_SUITE_PATH = 'prompts/starter.yaml';

/** The files `trackrecord init` writes, by path relative to the repository root. */
export function starterFiles(preset: ProviderPreset): Record<string, string> {
  return {
    [DEFAULTS.configPath]: config(preset),
    '.github/workflows/trackrecord.yml': nightlyWorkflow(preset),
    '.github/workflows/trackrecord-check.yml': checkWorkflow(preset),
    [STARTER_SUITE_PATH]: STARTER_SUITE,
  };
}

/** The markdown that shows the badge in a README. */
export function badgeSnippet(): string {
  return `![reliability](${DEFAULTS.badge})`;
}

function config(p: ProviderPreset): string {
  const lines = [
    `# yaml-language-server: $schema=${SCHEMA_BASE}/config.schema.json`,
    '# What trackrecord tracks; every key is explained in docs/configuration.md of trackrecord.',
    'models:',
    `  # ${p.note}`,
    `  - id: ${p.id}                # names the history series and the badge: keep it stable`,
    `    model: ${p.model}`,
  ];
  if (p.azure) lines.push('    provider: azure');
  if (p.baseUrl) lines.push(`    base-url: ${p.baseUrl}`);
  if (p.azure) lines.push(`    api-version: ${p.azure.apiVersion}`);
  if (p.keyEnv && p.keyEnv !== (p.azure ? DEFAULTS.azureApiKeyEnv : DEFAULTS.apiKeyEnv)) {
    lines.push(`    api-key-env: ${p.keyEnv}`);
  }
  lines.push(
    '    temperature: 0              # track at the temperature your product uses',
    'suites:',
    '  - builtin:smoke               # five fast prompts shipped with trackrecord',
    `  - path: ${STARTER_SUITE_PATH}        # your own prompts`,
    'samples: 3                      # answers per prompt per run: tells drift from sampling noise',
    'thresholds:',
    '  fail-below: 0.9               # fail the nightly job when reliability drops below 90%',
    '',
  );
  return lines.join('\n');
}

/** The one job both workflows run: check out, then the action with the provider's key. */
function job(name: string, p: ProviderPreset): string[] {
  const key = p.keyEnv ? ['        env:', `          ${p.keyEnv}: \${{ secrets.${p.keyEnv} }}`] : [];
  return [
    'jobs:',
    `  ${name}:`,
    '    runs-on: ubuntu-latest',
    '    steps:',
    '      - uses: actions/checkout@v4',
    `      - uses: ${ACTION}`,
    ...key,
    '',
  ];
}

function nightlyWorkflow(p: ProviderPreset): string {
  return [
    'name: trackrecord',
    'on:',
    '  schedule:',
    '    - cron: "17 3 * * *"        # nightly',
    '  workflow_dispatch:',
    'permissions:',
    '  contents: write              # commit the history and badges',
    'concurrency:',
    '  group: trackrecord-${{ github.ref }}',
    '  cancel-in-progress: false    # never cancel a run that is recording',
    ...job('track', p),
  ].join('\n');
}

function checkWorkflow(p: ProviderPreset): string {
  return [
    'name: trackrecord check',
    'on:',
    '  pull_request:',
    `    paths: ["${DEFAULTS.configPath}", "prompts/**"]`,
    'permissions:',
    '  contents: read',
    '  pull-requests: write         # the sticky comment',
    'concurrency:',
    '  group: trackrecord-pr-${{ github.event.pull_request.number }}',
    '  cancel-in-progress: true',
    ...job('check', p),
  ].join('\n');
}

const STARTER_SUITE = `# yaml-language-server: $schema=${SCHEMA_BASE}/suite.schema.json
# Your own prompts: the answers your product relies on. An id is a prompt's identity: keep it
# when you reword the prompt, so the pull request check can compare before and after.
name: starter
description: A first suite to edit; replace these with prompts from your product.
prompts:
  - id: capital-of-france
    prompt: "What is the capital of France? Answer with the city name only."
    normalize: [trim, lowercase, strip-punctuation]
    expect:
      - equals: "paris"

  - id: refund-days
    prompt: "A store gives 30 days to return an item bought on March 3. What is the last day to return it? Answer as YYYY-MM-DD, assuming the year 2025."
    extract: { regex: "(\\\\d{4}-\\\\d{2}-\\\\d{2})" }
    expect:
      - equals: "2025-04-02"

  - id: json-only
    prompt: 'Return only this JSON object, with no code fence: {"ok": true}'
    expect:
      - json-schema:
          type: object
          required: [ok]
          properties: { ok: { const: true } }
`;
