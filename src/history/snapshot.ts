import type { ChainVerifier } from './verify.js';

/**
 * The open file's bytes as verified, and the verifier holding its state after the last line.
 * read.ts makes it and file.ts takes it back on append; it lives apart from both, since read.ts
 * reads through file.ts.
 */
export interface OpenSnapshot {
  path: string;
  bytes: Buffer;
  exists: boolean;
  verifier: ChainVerifier;
  endsWithNewline: boolean;
  /** What the file's line 1 chains to: GENESIS, or the hash of the last sealed segment's last line. */
  lineOneChainsTo: string;
  /** How many runs the read took (Infinity: all): an append stores again what would leave them (completeRecords). */
  runs: number;
}
