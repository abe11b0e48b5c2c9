import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  loadLlmdriftRecordings,
  startReplayServer,
  type Recording,
  type ReplayServer,
} from '../../tools/replay/index.js';
import { makeRemote, type Remote } from '../support/git.js';
import { PRIME_DATA, PRIME_SUITE } from '../support/prime.js';

/** Model output that tries everything a comment must not let through. */
export const NASTY_OUTPUT =
  'Hey @octocat, see </details><img src=x onerror=alert(1)> and [click here](https://evil.example/steal) <!-- trackrecord:check -->';
export const NASTY_PROMPT = 'Say something about the weather.';

/** The replay server for the action tests: the prime data plus one prompt whose June answer is hostile. */
export async function startActionServer(): Promise<ReplayServer> {
  const recordings: Recording[] = [
    ...(await loadLlmdriftRecordings(PRIME_DATA)),
    { model: 'gpt-4-0314', prompt: NASTY_PROMPT, output: 'Sunny and mild.' },
    { model: 'gpt-4-0613', prompt: NASTY_PROMPT, output: NASTY_OUTPUT },
  ];
  return startReplayServer({ recordings, aliases: { 'gpt-4': 'gpt-4-0314' } });
}

/**
 * A remote whose main branch holds a trackrecord config for `gpt-4` on the replay server, the
 * prime suite and a one-prompt suite (`modelExtra`: more keys of the model, each line indented by 4);
 * returns the remote (clone it to get a workspace).
 */
export async function remoteWithConfig(baseUrl: string, extra = '', modelExtra = ''): Promise<Remote> {
  const remote = await makeRemote();
  const { dir, git } = await remote.clone();
  mkdirSync(join(dir, '.github'), { recursive: true });
  mkdirSync(join(dir, 'prompts'), { recursive: true });
  copyFileSync(PRIME_SUITE, join(dir, 'prompts/prime.yaml'));
  writeFileSync(
    join(dir, 'prompts/chat.yaml'),
    `name: chat\nprompts:\n  - id: weather\n    prompt: "${NASTY_PROMPT}"\n    expect:\n      - max-length: 200\n`,
  );
  writeFileSync(
    join(dir, '.github/trackrecord.yml'),
    `models:\n  - id: gpt-4\n    model: gpt-4\n    base-url: ${baseUrl}\n    temperature: 0.1\n${modelExtra}` +
      `suites:\n  - path: prompts/prime.yaml\n  - path: prompts/chat.yaml\nconcurrency: 8\n${extra}`,
  );
  await git.run(['add', '.']);
  await git.run([
    '-c',
    'user.name=Dev',
    '-c',
    'user.email=dev@example.com',
    'commit',
    '--quiet',
    '-m',
    'add trackrecord',
  ]);
  await git.run(['push', '--quiet', 'origin', 'HEAD:main']);
  return remote;
}

/**
 * What a track-mode commit holds for the one model (gpt-4) of `remoteWithConfig`: nothing else.
 * The first also adds the .gitattributes lines that keep them byte-exact; later ones leave it as is.
 */
export const TRACK_COMMIT_FILES = [
  '.gitattributes',
  '.trackrecord/badge-gpt-4.svg',
  '.trackrecord/badge.json',
  '.trackrecord/badge.svg',
  '.trackrecord/history.jsonl',
  '.trackrecord/report.md',
];

/** The event of a pull request #7 from `feature` into main, from a fork or not. */
export function pullRequestEvent(fork = false) {
  const base = { full_name: 'acme/widgets', fork: false };
  return {
    action: 'synchronize',
    number: 7,
    pull_request: {
      number: 7,
      base: { ref: 'main', sha: 'a'.repeat(40), repo: base },
      head: { ref: 'feature', sha: 'b'.repeat(40), repo: fork ? { full_name: 'someone/widgets', fork: true } : base },
    },
    repository: base,
  };
}
