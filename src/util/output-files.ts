import { basename, dirname, join } from 'node:path';

// Where a run's files go, derived from the config's `history:` and `badge:`: named here once,
// for the writers, for the checks before a run, and for the config's check that no two collide.

/** The attestations file beside a history file: `attestations-0001.jsonl` signs `history-0001.jsonl`. */
export function attestationsPathOf(historyPath: string): string {
  const segment = /-(\d+)\.jsonl$/.exec(basename(historyPath));
  return join(dirname(historyPath), segment ? `attestations-${segment[1]}.jsonl` : 'attestations.jsonl');
}

/** The markdown report, beside the history. */
export function reportPathOf(historyPath: string): string {
  return join(dirname(historyPath), 'report.md');
}

/**
 * The badge files of `badgePath` (ending in .svg): the main badge, its shields.io endpoint JSON
 * (`.svg` swapped for `.json`), then one `<stem>-<model-id>.svg` per model, in the order given.
 */
export function badgeFilesOf(badgePath: string, modelIds: readonly string[]): string[] {
  const dir = dirname(badgePath);
  const stem = basename(badgePath, '.svg');
  return [
    join(dir, basename(badgePath)),
    join(dir, `${stem}.json`),
    ...modelIds.map((id) => join(dir, `${stem}-${id}.svg`)),
  ];
}

/** One file a run writes: its path (as the config gives it, joined) and the key it derives from. */
export interface OutputFile {
  path: string;
  key: 'history' | 'badge';
  /** What the file is, for messages: "the history", "the report beside the history"... */
  what: string;
}

/** Every file a recorded run writes, for these config values. */
export function outputFilesOf(config: { history: string; badge: string; modelIds: readonly string[] }): OutputFile[] {
  const [svg, json, ...perModel] = badgeFilesOf(config.badge, config.modelIds);
  return [
    { path: join(config.history), key: 'history', what: 'the history' },
    { path: attestationsPathOf(config.history), key: 'history', what: 'the attestations file beside the history' },
    { path: reportPathOf(config.history), key: 'history', what: 'the report beside the history' },
    { path: svg!, key: 'badge', what: 'the badge' },
    { path: json!, key: 'badge', what: "the badge's JSON endpoint" },
    ...perModel.map((path, i) => ({ path, key: 'badge' as const, what: `the badge of model ${config.modelIds[i]}` })),
  ];
}
