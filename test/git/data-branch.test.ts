import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { historyFilesAt } from '../../src/git/data-branch.js';
import { appendRecords } from '../../src/history/file.js';
import { readHistory, readRecent } from '../../src/history/read.js';
import { HistoryView } from '../../src/history/view.js';
import { makeRemote } from '../support/git.js';
import { makeRecords } from '../support/records.js';
import { tempDir } from '../support/tmp.js';

const HISTORY = '.trackrecord/history.jsonl';

/** A clone whose branch `data` holds a history of `records` in segments, pushed to the bare remote. */
async function pushedHistory(records: ReturnType<typeof makeRecords>) {
  const remote = await makeRemote();
  const { dir, git } = await remote.clone();
  const path = join(dir, HISTORY);
  const view = new HistoryView();
  for (let i = 0; i < records.length; i += 2) {
    const batch = records.slice(i, i + 2);
    batch.forEach((r) => view.add(r));
    await appendRecords(path, batch, { source: view, maxBytes: 20_000 });
  }
  await git.run(['checkout', '--quiet', '--orphan', 'data']);
  await git.run(['rm', '-rf', '--quiet', '--cached', '.']);
  await git.run(['add', '.trackrecord']);
  await git.run(['-c', 'user.name=Bot', '-c', 'user.email=bot@example.com', 'commit', '--quiet', '-m', 'history']);
  await git.run(['push', '--quiet', 'origin', 'data']);
  const reader = await remote.clone();
  await reader.git.run(['fetch', '--quiet', 'origin', 'data']);
  return { path, reader };
}

describe('the history files of another branch', () => {
  it('copies only the files the last runs need, and reads them as the whole history would be read', async () => {
    const { path, reader } = await pushedHistory(makeRecords(80, { outputSize: 300, fresh: 0.3 }));
    const all = readdirSync(dirname(path)).sort();
    expect(all.length).toBeGreaterThan(4);

    const copy = (await historyFilesAt(reader.git, 'refs/remotes/origin/data', HISTORY, tempDir(), 3))!;
    const copied = readdirSync(dirname(copy.path)).sort();
    // The open file, the sealed files holding 3 runs, and one more for the link: not the older ones.
    expect(copied.length).toBeLessThan(all.length);
    expect(copied).toEqual(all.slice(all.length - copied.length));
    expect(copy.firstSealed).toBe(Number(/-(\d+)\.jsonl$/.exec(copied[0]!)![1]));
    for (const name of copied)
      expect(readFileSync(join(dirname(copy.path), name), 'utf8')).toBe(
        readFileSync(join(dirname(path), name), 'utf8'),
      );
    const recent = await readRecent(copy.path, 3, { firstSealed: copy.firstSealed });
    const original = await readRecent(path, 3);
    expect(recent.records).toEqual(original.records);
    expect(recent.files.map((f) => basename(f.path))).toEqual(original.files.map((f) => basename(f.path)));
    await copy.remove();

    // Without a limit, everything: the whole history verifies from the copy.
    const whole = (await historyFilesAt(reader.git, 'refs/remotes/origin/data', HISTORY, tempDir()))!;
    expect(readdirSync(dirname(whole.path)).sort()).toEqual(all);
    expect(whole.firstSealed).toBe(1);
    expect((await readHistory(whole.path)).records).toEqual((await readHistory(path)).records);
  });
});
