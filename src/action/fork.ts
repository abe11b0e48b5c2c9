import { ForkEndpointError, refuseForkEndpointChanges } from '../app/fork-guard.js';
import type { ActionContext } from './context.js';

/**
 * A fork's head must not choose where requests go or which keys they carry (pull_request_target
 * runs with the repository's secrets): refused before any request, with an annotation on each
 * model line. A pull_request_target event whose payload does not say whether the head is a fork
 * is refused too.
 */
export async function guardFork(ctx: ActionContext): Promise<void> {
  const { github, host, settings } = ctx;
  const pr = github.pullRequest;
  if (!pr) {
    if (github.eventName !== 'pull_request_target') return;
    throw new Error(
      `the pull_request_target event does not say which pull request this is (${github.warnings.join('; ')}), ` +
        "so whether its head is a fork, whose config must not choose where the repository's secrets go, cannot be told. Nothing was run.",
    );
  }
  if (!pr.isFork) return;
  await refuseForkEndpointChanges({
    config: ctx.config,
    root: ctx.root,
    configPath: settings.configPath,
    env: ctx.env,
    baseSha: pr.baseSha,
    baseRef: pr.baseRef,
    fork: pr.headRepoFullName,
  }).catch((error: unknown) => {
    if (error instanceof ForkEndpointError) {
      for (const issue of error.issues) {
        host.error(issue.message, {
          title: 'trackrecord: fork changes an endpoint',
          file: issue.file,
          ...(issue.line ? { startLine: issue.line } : {}),
        });
      }
    }
    throw error;
  });
}
