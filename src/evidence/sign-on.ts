import type { AppendOptions } from '../history/file.js';
import { shellQuote } from '../history/errors.js';
import { EXIT, TrackrecordError } from '../util/errors.js';
import { appendAttestations, attestationsPathOf, signedPastEnd } from './attestations.js';
import { short } from './dsse.js';
import type { Signer } from './keys.js';

/**
 * The signer's own envelopes name lines past the end of the history: lines were removed after
 * they were signed. Signing on would give other records those numbers, and the cut would no
 * longer show (verify finds every line signed), so a run refuses.
 */
export class SignedPastEndError extends TrackrecordError {
  override name = 'SignedPastEndError';
  readonly code = 'signed-past-end';
  readonly exitStatus = EXIT.failed;
  override readonly scope = 'program';
  override readonly lead = 'refusing to sign: ';
}

/** Where a history is, to look at and to name: its path, and the name the user knows it by. */
export interface HistoryPlace {
  path: string;
  /** As the config names it (relative to the repository root). */
  label: string;
}

/**
 * Throws SignedPastEndError when `signer` signed lines of the open history file past its
 * `lineCount` lines. `done` says what the refusal left undone ("Nothing was written.").
 */
export async function refuseSignedPastEnd(
  place: HistoryPlace,
  lineCount: number,
  signer: Signer,
  done: string,
): Promise<void> {
  const beyond = await signedPastEnd(place.path, lineCount, signer.publicKey);
  if (beyond.length === 0) return;
  const { label } = place;
  const first = beyond[0]!;
  const last = beyond.at(-1)!;
  const lines = first === last ? `line ${first}` : `lines ${first} to ${last}`;
  const end = lineCount === 0 ? 'holds no lines' : `ends at line ${lineCount}`;
  throw new SignedPastEndError(
    `${label} ${end}, but key ${short(signer.keyid)} signed ${lines} of it in ${attestationsPathOf(label)}: ` +
      `lines were removed from its end after they were signed, and signing on would give other records their numbers. ${done}\n` +
      `  Restore the removed lines (git log -p -- ${shellQuote(label)} shows them), then run again. If they were removed ` +
      'on purpose, keep both files as they are and start a new history (config key history: in another folder) or sign with a new key.',
  );
}

/**
 * How appending to a history signs what it appends: the one hook between the two files. Under
 * the history's lock, before writing, it refuses a history cut back below what the signer
 * signed (see refuseSignedPastEnd); after writing, it signs the new lines.
 */
export function signedAppend(place: HistoryPlace, signer: Signer | null | undefined): AppendOptions {
  if (!signer) return {};
  return {
    beforeAppend: (lineCount) =>
      refuseSignedPastEnd(place, lineCount, signer, 'Nothing was appended: the records of this run are not kept.'),
    afterAppend: (lines, firstLine) => appendAttestations(place.path, lines, firstLine, signer),
  };
}
