import { dirname, join, resolve } from 'node:path';
import type { Config } from '../config/types.js';
import { describeAttestations } from '../evidence/attestations.js';
import { writeReport } from '../report/file.js';
import type { Recorded } from './run-and-record.js';

export interface BadgesAndReport {
  /** Absolute paths of everything written: badges, then the report. */
  paths: string[];
  reportPath: string;
  markdown: string;
}

/**
 * What a recorded run leaves beside its history: the badges and the markdown report. The CLI's
 * `run` and the action's track mode both write exactly this.
 */
export async function writeBadgesAndReport(config: Config, root: string, recorded: Recorded): Promise<BadgesAndReport> {
  // Loaded here, not at start-up: badge-maker's font tables are slow to initialize.
  const { writeBadges } = await import('../badge/index.js');
  const badges = await writeBadges(resolve(root, config.badge), recorded.summary.models);
  const reportPath = join(dirname(resolve(root, config.history)), 'report.md');
  // The view already holds the history plus this run: no need to read the file back.
  const signing = await describeAttestations(resolve(root, config.history));
  const markdown = await writeReport(
    recorded.view,
    config.models.map((m) => m.id),
    reportPath,
    signing,
  );
  return { paths: [...badges, reportPath], reportPath, markdown };
}
