import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { badgeFilesOf } from '../util/output-files.js';
import { isUnavailable, type Availability } from '../analysis/availability.js';
import { lowestReliability } from '../analysis/record-metrics.js';
import { reliabilitySvg, shieldsEndpoint, type BadgeValue } from './badge.js';

/** Model ids as the config schema allows them: safe as part of a file name. */
const MODEL_ID = /^[a-z0-9._-]+$/;

/**
 * Writes the badges for one run:
 * - `badgePath` (e.g. `.trackrecord/badge.svg`): `reliability | <lowest score across models>`,
 *   models with no score yet left out (`no data` only when none has one), `unavailable` when
 *   a model's run got no answer at all;
 * - the same as shields.io endpoint JSON beside it, `.svg` swapped for `.json` (`badge.json`);
 * - one `<stem>-<model-id>.svg` per model beside it (`badge-<model-id>.svg` for the default path).
 *
 * Creates the directory. Output depends only on the arguments (no dates, no random ids),
 * so rewriting unchanged scores leaves the files byte-identical and makes no commit.
 * Badges of models no longer passed are left alone, not deleted.
 *
 * Returns the paths written, in the form `badgePath` was given (relative paths stay
 * relative to the working directory, `path.join`-normalized): main SVG, JSON, then one
 * per model in the order given.
 */
export async function writeBadges(
  badgePath: string,
  models: ReadonlyArray<{
    id: string;
    reliability: number | null;
    availability?: Availability;
    /** The latest run's drift verdict: a badge says `drifted` when it is significant. */
    drift?: { significant: boolean };
  }>,
): Promise<string[]> {
  if (!badgePath.endsWith('.svg')) {
    throw new Error(`writeBadges: the badge path must end in .svg, got ${JSON.stringify(badgePath)}`);
  }
  const seen = new Set<string>();
  for (const { id } of models) {
    if (!MODEL_ID.test(id)) throw new Error(`writeBadges: model id ${JSON.stringify(id)} is not [a-z0-9._-]+`);
    if (seen.has(id)) throw new Error(`writeBadges: model id ${JSON.stringify(id)} given twice`);
    seen.add(id);
  }

  const [svg, json, ...perModel] = badgeFilesOf(
    badgePath,
    models.map((m) => m.id),
  );
  const valueOf = (m: (typeof models)[number]): BadgeValue =>
    m.availability && isUnavailable(m.availability) ? 'unavailable' : m.reliability;
  // A model that did not answer is the weakest link: no score of the others may cover for it.
  const lowest = models.some((m) => valueOf(m) === 'unavailable') ? 'unavailable' : lowestReliability(models);
  const drifted = (m: (typeof models)[number]) => m.drift?.significant === true;
  // The main badge says drifted when any model did: it stands for all of them.
  const anyDrifted = models.some(drifted);
  const files: Array<[path: string, text: string]> = [
    [svg!, reliabilitySvg('reliability', lowest, anyDrifted)],
    [json!, `${JSON.stringify(shieldsEndpoint('reliability', lowest, anyDrifted), null, 2)}\n`],
    // Labelled with the bare model id, not `reliability: <id>`: these sit beside the main
    // `reliability` badge, where the id is what tells them apart, and ids run up to 100
    // characters, so a prefix repeated on every one would only make them wider.
    ...models.map((m, i): [string, string] => [perModel[i]!, reliabilitySvg(m.id, valueOf(m), drifted(m))]),
  ];

  await mkdir(dirname(badgePath), { recursive: true });
  for (const [path, text] of files) await writeFile(path, text, 'utf8');
  return files.map(([path]) => path);
}
