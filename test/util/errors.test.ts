import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ForkEndpointError } from '../../src/app/fork-guard.js';
import { UsageError } from '../../src/cli/commands/io.js';
import { ConfigError } from '../../src/config/errors.js';
import { CertificateError } from '../../src/evidence/certificate.js';
import { EvidenceKeyError } from '../../src/evidence/keys.js';
import { PublishError } from '../../src/git/publish.js';
import { HistoryError } from '../../src/history/errors.js';
import { PartialError } from '../../src/partial/file.js';
import { ShardError } from '../../src/util/shard.js';
import { OutputPathError } from '../../src/util/output-path.js';
import { errorLine, EXIT, TrackrecordError } from '../../src/util/errors.js';
import { REPO_ROOT } from '../support/prime.js';

// One of each error written for the user, and how the CLI reports it when raised by `run`.
const errors: Array<[TrackrecordError, string, number, string, boolean]> = [
  [
    new ConfigError([{ file: 'c.yml', line: 2, column: 3, path: 'models', message: 'bad' }]),
    'config',
    EXIT.invalid,
    'trackrecord: invalid configuration:\n  c.yml:2:3: models: bad',
    false,
  ],
  [
    new HistoryError('h.jsonl', 2, 'prev does not match', null),
    'history',
    EXIT.failed,
    'trackrecord: history does not verify: h.jsonl:2: prev does not match',
    false,
  ],
  [new EvidenceKeyError('k.pem is bad'), 'key', EXIT.invalid, 'trackrecord run: k.pem is bad', false],
  [new PartialError('p.json is bad'), 'partial', EXIT.invalid, 'trackrecord run: p.json is bad', false],
  [new UsageError('--x is bad'), 'usage', EXIT.invalid, 'trackrecord run: --x is bad', true],
  [new ShardError('shard "0/1" is bad'), 'shard', EXIT.invalid, 'trackrecord run: shard "0/1" is bad', false],
  [new CertificateError('no record'), 'certificate', EXIT.failed, 'trackrecord run: no record', false],
  [new PublishError('push refused'), 'publish', EXIT.failed, 'trackrecord run: push refused', false],
  [new ForkEndpointError('a fork', []), 'fork-endpoint', EXIT.failed, 'trackrecord run: a fork', false],
  [
    new OutputPathError('r.md', 'is a directory'),
    'output-path',
    EXIT.invalid,
    'trackrecord: r.md is a directory',
    false,
  ],
];

describe('the errors written for the user', () => {
  it.each(errors.map((e) => [e[0].name, ...e] as const))(
    '%s has its code, exit status and line',
    (_name, error, code, exitStatus, line, showsHelp) => {
      expect(error).toBeInstanceOf(TrackrecordError);
      expect(error).toBeInstanceOf(Error);
      expect({ code: error.code, exitStatus: error.exitStatus, showsHelp: error.showsHelp }).toEqual({
        code,
        exitStatus,
        showsHelp,
      });
      expect(errorLine(error, 'run')).toBe(line);
    },
  );

  it('have one code each', () => {
    const codes = errors.map(([error]) => error.code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('leaves plain only the errors caught where they are thrown, and git failures', () => {
    const plain: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (entry.name.endsWith('.ts'))
          for (const m of readFileSync(path, 'utf8').matchAll(/^(?:export )?class (\w+) extends Error\b/gm))
            plain.push(m[1]!);
      }
    };
    walk(join(REPO_ROOT, 'src'));
    // A new error meant for the user extends TrackrecordError and joins the list above instead.
    expect(plain.sort()).toEqual(['GitError', 'NotJsonError', 'TailProblem', 'TextBlockError']);
  });
});
