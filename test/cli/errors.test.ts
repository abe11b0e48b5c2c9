import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { makeKey } from '../support/keys.js';
import { tempDir } from '../support/tmp.js';

const CONFIG = '.github/trackrecord.yml';
const config = 'models: [{ id: m, model: m, base-url: "http://127.0.0.1:9/v1" }]\nsuites: [{ path: s.yaml }]\n';
const suite = 'name: s\nprompts:\n  - id: a\n    prompt: hi\n';

/** The help a command prints for --help, which a usage error repeats after its line. */
async function help(command: string): Promise<string> {
  return (await runCli([command, '--help'], tempDir())).stdout;
}

// Each error written for the user, through the one mapping in the CLI: its exact line and exit.
describe('how the CLI reports each error', () => {
  it('a config error: the program names itself, exit 2', async () => {
    const result = await runCli(['merge', 'p.json'], tempDir());
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: `trackrecord: invalid configuration:\n  ${CONFIG}: file not found\n`,
    });
  });

  it('a history that does not verify: says so, exit 1', async () => {
    const result = await runCli(['report', '--history', 'h.jsonl'], tempDir({ 'h.jsonl': 'not json\n' }));
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr:
        `trackrecord: history does not verify: h.jsonl:1: not valid JSON (Unexpected token 'o', "not json" is not valid JSON)\n` +
        '  the history was not modified. Restore it from git (git checkout -- h.jsonl) or investigate.\n',
    });
  });

  it('a key that cannot be used: the command names itself, exit 2', async () => {
    const root = tempDir({ 'h.jsonl': '', 'private.pem': makeKey().privatePem });
    const result = await runCli(['verify', '--history', 'h.jsonl', '--key', 'private.pem'], root);
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'trackrecord verify: private.pem holds a private key: pass the public key ' +
        '(openssl pkey -in private.pem -pubout -out public.pem), and keep the private one secret\n',
    });
  });

  it('a partial file that cannot be used: the command names itself, exit 2', async () => {
    const result = await runCli(['merge', 'nope.json'], tempDir({ [CONFIG]: config, 's.yaml': suite }));
    expect(result).toEqual({ code: 2, stdout: '', stderr: 'trackrecord merge: nope.json: no such partial file\n' });
  });

  it("a bad command line: the command's line, then its help, exit 2", async () => {
    const none = await runCli(['merge'], tempDir());
    expect(none).toEqual({
      code: 2,
      stdout: '',
      stderr: `trackrecord merge: name the partial files to merge\n\n${await help('merge')}`,
    });
    const unknown = await runCli(['verify', '--histroy', 'x'], tempDir());
    expect(unknown).toEqual({
      code: 2,
      stdout: '',
      stderr: `trackrecord verify: Unknown option '--histroy'\n\n${await help('verify')}`,
    });
  });

  it('a bad --shard is a bad command line', async () => {
    const result = await runCli(['run', '--shard', '5/4'], tempDir());
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: `trackrecord run: --shard: shard "5/4": the shard number must be between 1 and 4 (shards count from 1)\n\n${await help('run')}`,
    });
  });

  it('a signing key that cannot be used: the command names itself, exit 2', async () => {
    const env = { TRACKRECORD_SIGNING_KEY: 'signing-key.pem' };
    const key = await runCli(['certify', '--model', 'm', '--out', 'c.json'], tempDir(), env);
    expect(key).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'trackrecord certify: TRACKRECORD_SIGNING_KEY must hold the private key itself, as PEM text starting with ' +
        '"-----BEGIN PRIVATE KEY-----" (not a path or a key id). Make one with: openssl genpkey -algorithm ed25519 -out signing-key.pem\n',
    });
  });
});
