import type { Config, ModelSpec } from '../config/types.js';
import { Git } from '../git/git.js';
import { EXIT, TrackrecordError } from '../util/errors.js';
import { configAtRef } from './check.js';

// A pull_request_target workflow runs with the repository's secrets. When it checks out a fork's
// head, the fork's config would choose where requests go and which key they carry: it could
// send any secret to any host. So a fork may change prompts and settings, never endpoints.

/** A fork's config changes where requests go or which keys they carry; `issues` say where. */
export class ForkEndpointError extends TrackrecordError {
  override readonly name = 'ForkEndpointError';
  readonly code = 'fork-endpoint';
  readonly exitStatus = EXIT.failed;
  constructor(
    message: string,
    readonly issues: Array<{ message: string; file?: string; line?: number }>,
  ) {
    super(message);
  }
}

/** What decides where a model's requests (chat and embeddings) go and what credentials they carry. */
const ENDPOINT_FIELDS: Array<{ name: string; of: (m: ModelSpec) => unknown }> = [
  { name: 'base-url', of: (m) => m.baseUrl },
  { name: 'api-key-env', of: (m) => m.apiKeyEnv },
  { name: 'headers', of: (m) => Object.entries(m.headers).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)) },
  { name: 'provider', of: (m) => m.azure ?? null },
];

function endpointOf(m: ModelSpec): string {
  return JSON.stringify(ENDPOINT_FIELDS.map((f) => f.of(m)));
}

/**
 * The head's models whose endpoint (base-url, api-key-env, headers, provider) is not one of the
 * base config's, each with what differs from the base's model of the same id.
 */
export function endpointChanges(head: Config, base: Config): Array<{ model: ModelSpec; changed: string }> {
  const known = new Set(base.models.map(endpointOf));
  return head.models
    .filter((m) => !known.has(endpointOf(m)))
    .map((model) => {
      const was = base.models.find((b) => b.id === model.id);
      if (!was) return { model, changed: `a new model with base-url ${model.baseUrl} and key ${model.apiKeyEnv}` };
      const fields = ENDPOINT_FIELDS.filter((f) => JSON.stringify(f.of(model)) !== JSON.stringify(f.of(was)));
      return {
        model,
        changed: `${fields.map((f) => f.name).join(', ')} changed (base-url ${model.baseUrl}, key ${model.apiKeyEnv})`,
      };
    });
}

export interface ForkCheck {
  config: Config;
  root: string;
  configPath: string;
  env: NodeJS.ProcessEnv;
  /** The pull request's base commit and branch, as the event payload names them. */
  baseSha: string;
  baseRef: string;
  /** `owner/repo` of the fork, or null when it was deleted. */
  fork: string | null;
}

/**
 * Refuses, before any request, a fork's change of where requests go or which keys they carry,
 * compared with the config of the base commit (by the payload's sha: what origin's branch says
 * now may be the fork's own).
 */
export async function refuseForkEndpointChanges(c: ForkCheck): Promise<void> {
  const from = `this pull request comes from a fork (${c.fork ?? 'a deleted repository'})`;
  const git = new Git(c.root, c.env);
  if ((await git.revParse(c.baseSha)) === null)
    await git.run(['fetch', '--quiet', '--no-tags', 'origin', c.baseSha]).catch(() => undefined);
  let base: Config | null;
  try {
    base = await configAtRef(c.config, { root: c.root, configPath: c.configPath, env: c.env, ref: c.baseSha });
  } catch (error) {
    throw new ForkEndpointError(
      `${from}, and the config of its base ${c.baseRef} (${c.baseSha.slice(0, 12)}) does not load (${(error as Error).message}), ` +
        'so where its requests may go cannot be checked. Nothing was run.',
      [],
    );
  }
  if (base === null) {
    throw new ForkEndpointError(
      `${from}, and its base commit ${c.baseSha.slice(0, 12)} (${c.baseRef}) is not in the checkout, so where its requests may go ` +
        'cannot be checked. Nothing was run. Check out with actions/checkout `fetch-depth: 0`.',
      [],
    );
  }
  const changes = endpointChanges(c.config, base);
  if (changes.length === 0) return;
  const issues = changes.map(({ model, changed }) => ({
    message: `models: ${model.id}: ${changed}, which ${c.baseRef}'s ${c.configPath} does not have`,
    file: model.location?.file,
    line: model.location?.line,
  }));
  throw new ForkEndpointError(
    `${from} and changes where requests go or which keys they carry; with the repository's secrets, that could ` +
      `send any of them to any host. Nothing was run.\n${issues.map((i) => `  ${i.message}`).join('\n')}\n` +
      `  Make endpoint changes on a branch of this repository (a maintainer's pull request), then the fork's may run.`,
    issues,
  );
}
