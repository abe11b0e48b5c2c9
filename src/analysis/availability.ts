import type { ErrorCounts } from '../history/record.js';
import { totalErrors } from './record-metrics.js';
import { share } from '../util/stats.js';

/** How many of a run's requests to one model were answered (errors of any category, after retries, were not). */
export interface Availability {
  requests: number;
  answered: number;
  /** answered / requests; null when nothing was requested. */
  share: number | null;
}

/** A record's availability: its prompts times the samples asked of each, less the errored ones. */
export function availabilityOf(record: {
  samples: number;
  metrics: { prompts: number; errors: ErrorCounts };
}): Availability {
  const requests = record.metrics.prompts * record.samples;
  const answered = Math.max(0, requests - totalErrors(record.metrics.errors));
  return { requests, answered, share: share(answered, requests) };
}

/** A run that asked and got no answer at all: its record adds nothing to reliability, and nothing may read as a score. */
export function isUnavailable(a: Availability): boolean {
  return a.requests > 0 && a.answered === 0;
}
