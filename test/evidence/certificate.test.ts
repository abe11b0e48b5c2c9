import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { certificatePredicate, signCertificate } from '../../src/evidence/certificate.js';
import { signerFromEnv } from '../../src/evidence/keys.js';
import { lineHash } from '../../src/history/codec.js';
import type { HistoryRecord } from '../../src/history/record.js';
import { systemFingerprint, type ReplayServer } from '../../tools/replay/index.js';
import { runCli } from '../support/cli.js';
import { makeKey, writePublicKey } from '../support/keys.js';
import { primeConfig, startPrimeServer } from '../support/prime.js';
import { tempDir } from '../support/tmp.js';

const HISTORY = '.trackrecord/history.jsonl';

let server: ReplayServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Nights of two models (one answering differently from the other) recorded through the CLI. */
async function nights(n: number, env: NodeJS.ProcessEnv = {}): Promise<string> {
  server = await startPrimeServer();
  const config = primeConfig(server.baseUrl, 'gpt-4-0314').replace(
    'suites:',
    `  - id: gpt-4-june\n    model: gpt-4-0613\n    base-url: ${server.baseUrl}\n    temperature: 0.1\nsuites:`,
  );
  const root = tempDir({ '.github/trackrecord.yml': `${config}window: 2\n` });
  for (let i = 0; i < n; i++) expect((await runCli(['run', '--quiet'], root, env)).code).toBe(0);
  return root;
}

const historyOf = (root: string) => {
  const lines = readFileSync(join(root, HISTORY), 'utf8').trimEnd().split('\n');
  return { lines, records: lines.map((l) => JSON.parse(l) as HistoryRecord) };
};
const payloadOf = (cert: string) =>
  JSON.parse(Buffer.from((JSON.parse(cert) as { payload: string }).payload, 'base64').toString('utf8')) as {
    subject: Array<{ name: string; digest: { sha256: string } }>;
    predicateType: string;
    predicate: ReturnType<typeof certificatePredicate>;
  };

describe('reliability certificates', () => {
  it('certifies a model, bound to the head, with figures recomputed the way records score them', async () => {
    const key = makeKey();
    const env = { TRACKRECORD_SIGNING_KEY: key.privatePem };
    const root = await nights(3);
    writePublicKey(root, key);
    const made = await runCli(['certify', '--model', 'gpt-4', '--out', 'cert.json'], root, env);
    expect(made.stderr).toBe('');
    expect(made.code).toBe(0);
    expect(made.stdout).toMatch(
      /^certified gpt-4: reliability [\d.]+% \[[\d.]+%, [\d.]+%\] over 2 records, \d{4}-\d\d-\d\d to \d{4}-\d\d-\d\d; bound to line 6 of \.trackrecord\/history\.jsonl; signed by key [0-9a-f]{16}\ncert\.json\n$/,
    );
    const cert = readFileSync(join(root, 'cert.json'), 'utf8');
    const secret = key.privatePem.split('\n')[1]!.slice(0, 20);
    expect(made.stdout + cert).not.toContain(secret);
    const { subject, predicateType, predicate } = payloadOf(cert);
    const { lines, records } = historyOf(root);
    expect(subject).toEqual([{ name: 'history.jsonl:6', digest: { sha256: lineHash(lines[5]!) } }]);
    expect(predicateType).toBe('https://trackrecord.dev/attestation/certificate/v1');

    // Independently: the window is the latest record's (2); its reliability is the one that record
    // was scored with when it was appended, and the counts are the sums over its last 2 records.
    const own = records.filter((r) => r.model.id === 'gpt-4');
    const latest = own.at(-1)!;
    expect(predicate.window).toBe(2);
    expect(predicate.figures.reliability).toBe(latest.metrics.reliability);
    expect(predicate.figures.reliabilityInterval).toEqual(latest.metrics.reliabilityInterval);
    expect(predicate.figures.judged).toBe(own[1]!.metrics.judged + own[2]!.metrics.judged);
    expect(predicate.figures.passRate).toBe(
      (own[1]!.metrics.passed + own[2]!.metrics.passed) / (own[1]!.metrics.checked + own[2]!.metrics.checked),
    );
    expect(predicate.figures.runsSinceDrift).toBe(latest.metrics.runsSinceDrift);
    // The replay server's fingerprint for the snapshot it served, not one read back from the records.
    expect(predicate.figures.systemFingerprints).toEqual([systemFingerprint('gpt-4-0314')]);
    expect(predicate.figures).toMatchObject({ records: 2, from: own[1]!.run.startedAt, to: latest.run.startedAt });
    expect(predicate.track).toEqual({ records: 3, since: own[0]!.run.startedAt });
    expect(predicate.history).toEqual({
      file: 'history.jsonl',
      records: 6,
      head: { line: 6, sha256: lineHash(lines[5]!) },
    });
    expect(predicate.model).toEqual({ id: 'gpt-4', model: 'gpt-4-0314', host: new URL(server!.baseUrl).host });

    const checked = await runCli(
      ['verify-certificate', 'cert.json', '--key', 'public.pem', '--history', HISTORY],
      root,
    );
    expect(checked.stderr).toBe('');
    expect(checked.code).toBe(0);
    expect(checked.stdout).toMatch(/^ok cert\.json: signed by key [0-9a-f]{16}\n {2}gpt-4: reliability /);
    expect(checked.stdout).toContain(`\n  bound to line 6 of ${HISTORY}; the figures recompute from it\n`);

    // Later nights do not invalidate it: the head is still a line, the figures recompute up to it.
    expect((await runCli(['run', '--quiet'], root)).code).toBe(0);
    const json = await runCli(
      ['verify-certificate', 'cert.json', '--key', 'public.pem', '--history', HISTORY, '--format', 'json'],
      root,
    );
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({
      ok: true,
      keyid: signerFromEnv(env)!.keyid,
      history: { file: HISTORY, headFound: true, recomputed: true },
      problems: [],
      predicate: { model: { id: 'gpt-4' }, window: 2 },
    });

    // Any --window: the last N records, pooled the same way.
    expect(
      (await runCli(['certify', '--model', 'gpt-4-june', '--window', '30', '--out', 'june.json'], root, env)).code,
    ).toBe(0);
    const june = payloadOf(readFileSync(join(root, 'june.json'), 'utf8')).predicate;
    const ownJune = historyOf(root).records.filter((r) => r.model.id === 'gpt-4-june');
    expect(june.figures.records).toBe(4);
    expect(june.figures.behaved).toBe(ownJune.reduce((n, r) => n + r.metrics.behaved, 0));
    expect(june.figures.reliability).toBe(june.figures.behaved / june.figures.judged);
  });

  it('fails on a changed byte, another key, another history and figures that do not recompute', async () => {
    const key = makeKey('p256');
    const env = { TRACKRECORD_SIGNING_KEY: key.privatePem };
    const root = await nights(2);
    writePublicKey(root, key);
    expect((await runCli(['certify', '--model', 'gpt-4', '--out', 'cert.json'], root, env)).code).toBe(0);
    const cert = readFileSync(join(root, 'cert.json'), 'utf8');
    const check = (name: string, history = true) =>
      runCli(['verify-certificate', name, '--key', 'public.pem', ...(history ? ['--history', HISTORY] : [])], root);

    const envelope = JSON.parse(cert) as { payload: string; signatures: Array<{ sig: string }> };
    for (const at of [10, Math.floor(envelope.payload.length / 2), envelope.payload.length - 5]) {
      const flipped = envelope.payload[at] === 'A' ? 'B' : 'A';
      const changed = {
        ...envelope,
        payload: envelope.payload.slice(0, at) + flipped + envelope.payload.slice(at + 1),
      };
      writeFileSync(join(root, 'changed.json'), JSON.stringify(changed));
      const result = await check('changed.json');
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(
        /^changed\.json: does not hold:\n {2}the signature of key [0-9a-f]{16} does not verify/,
      );
    }
    const sig = envelope.signatures[0]!.sig;
    writeFileSync(
      join(root, 'changed.json'),
      JSON.stringify({
        ...envelope,
        signatures: [{ ...envelope.signatures[0], sig: (sig[0] === 'M' ? 'N' : 'M') + sig.slice(1) }],
      }),
    );
    expect((await check('changed.json')).code).toBe(1);

    writePublicKey(root, makeKey(), 'other.pem');
    const other = await runCli(['verify-certificate', 'cert.json', '--key', 'other.pem'], root);
    expect(other.code).toBe(1);
    expect(other.stderr).toMatch(/signed by another key/);

    // A different history: the head is not one of its lines.
    const elsewhere = await nights(1);
    writeFileSync(join(elsewhere, 'cert.json'), cert);
    writePublicKey(elsewhere, key);
    const foreign = await runCli(
      ['verify-certificate', 'cert.json', '--key', 'public.pem', '--history', HISTORY],
      elsewhere,
    );
    expect(foreign.code).toBe(1);
    expect(foreign.stderr).toMatch(/its head \(SHA-256 [0-9a-f]{16}\.\.\.\) is not a line of history\.jsonl/);

    // Signed with the right key, but figures the history does not give.
    const { lines, records } = historyOf(root);
    const inflated = certificatePredicate(
      records,
      lines,
      join(root, HISTORY),
      'gpt-4',
      undefined,
      new Date().toISOString(),
    );
    inflated.figures.reliability = 0.999;
    inflated.track.records = 90;
    writeFileSync(join(root, 'inflated.json'), signCertificate(inflated, signerFromEnv(env)!));
    expect((await check('inflated.json', false)).code).toBe(0); // the signature alone holds
    const recomputed = await check('inflated.json');
    expect(recomputed.code).toBe(1);
    expect(recomputed.stderr).toContain('  track is {"records":90');
    expect(recomputed.stderr).toContain('  figures.reliability is 0.999 in the certificate, ');
    const json = await runCli(
      ['verify-certificate', 'inflated.json', '--key', 'public.pem', '--history', HISTORY, '--format', 'json'],
      root,
    );
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({
      ok: false,
      history: { file: HISTORY, headFound: true, recomputed: false },
      problems: expect.arrayContaining([expect.stringMatching(/^figures\.reliability is 0\.999 in the certificate, /)]),
    });
  });

  it('needs a key, a model with records, and says so', async () => {
    const root = await nights(1);
    const noKey = await runCli(['certify', '--model', 'gpt-4', '--out', 'c.json'], root);
    expect(noKey).toMatchObject({ code: 2 });
    expect(noKey.stderr).toMatch(/^trackrecord certify: TRACKRECORD_SIGNING_KEY is not set/);
    const env = { TRACKRECORD_SIGNING_KEY: makeKey().privatePem };
    const unknown = await runCli(['certify', '--model', 'gpt-5', '--out', 'c.json'], root, env);
    expect(unknown).toEqual({
      code: 1,
      stdout: '',
      stderr: 'trackrecord certify: history.jsonl has no record of model "gpt-5" (it has gpt-4, gpt-4-june)\n',
    });
    expect((await runCli(['certify', '--model', 'gpt-4'], root, env)).stderr).toMatch(/--out FILE is required/);
    expect((await runCli(['certify', '--model', 'gpt-4', '--out', 'c', '--window', '0'], root, env)).code).toBe(2);
    expect((await runCli(['verify-certificate', 'c.json'], root)).stderr).toMatch(/--key PUBLIC\.pem is required/);
  });

  it('numbers the head line in the file that holds it, in a segmented history', async () => {
    const key = makeKey();
    const env = { TRACKRECORD_SIGNING_KEY: key.privatePem };
    server = await startPrimeServer();
    // A limit so small that every run's append seals the file before it.
    const config = `${primeConfig(server.baseUrl, 'gpt-4-0314')}window: 2\nhistory-max-mb: 0.001\n`;
    const root = tempDir({ '.github/trackrecord.yml': config });
    writePublicKey(root, key);
    for (let i = 0; i < 3; i++) expect((await runCli(['run', '--quiet'], root)).code).toBe(0);
    expect(readFileSync(join(root, '.trackrecord/history-0002.jsonl'), 'utf8').split('\n')).toHaveLength(2);

    const made = await runCli(['certify', '--model', 'gpt-4', '--out', 'cert.json'], root, env);
    expect(made.code).toBe(0);
    expect(made.stdout).toContain('; bound to line 1 of .trackrecord/history.jsonl;');
    const { subject, predicate } = payloadOf(readFileSync(join(root, 'cert.json'), 'utf8'));
    const head = readFileSync(join(root, HISTORY), 'utf8').trimEnd();
    expect(predicate.history).toEqual({ file: 'history.jsonl', records: 3, head: { line: 1, sha256: lineHash(head) } });
    expect(subject[0]!.name).toBe('history.jsonl:1');

    // Another run seals that file: the head is now line 1 of history-0003.jsonl, and still recomputes.
    expect((await runCli(['run', '--quiet'], root)).code).toBe(0);
    expect(readFileSync(join(root, '.trackrecord/history-0003.jsonl'), 'utf8').trimEnd()).toBe(head);
    const checked = await runCli(
      ['verify-certificate', 'cert.json', '--key', 'public.pem', '--history', HISTORY],
      root,
    );
    expect(checked.stderr).toBe('');
    expect(checked.stdout).toContain(
      '\n  bound to line 1 of .trackrecord/history-0003.jsonl; the figures recompute from it\n',
    );
  });

  it('never writes the certificate through a link', async () => {
    const key = makeKey();
    const env = { TRACKRECORD_SIGNING_KEY: key.privatePem };
    const root = await nights(1);
    const target = join(tempDir({ 'target.txt': 'precious\n' }), 'target.txt');
    symlinkSync(target, join(root, 'cert.json'));
    const made = await runCli(['certify', '--model', 'gpt-4', '--out', 'cert.json'], root, env);
    expect(made.stderr).toContain('cert.json is a symbolic link');
    expect(made.code).toBe(2);
    expect(readFileSync(target, 'utf8')).toBe('precious\n');
  });
});
