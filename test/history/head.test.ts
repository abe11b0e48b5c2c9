import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HistoryRewrittenError } from '../../src/history/errors.js';
import { headOf, refuseWithoutHead } from '../../src/history/head.js';
import { readHistory, readRecent } from '../../src/history/read.js';
import { historyText, makeRecords } from '../support/records.js';
import { tempDir } from '../support/tmp.js';

describe('the line a run verified last', () => {
  it('is found however many runs landed after it, and its loss is named by file and line', async () => {
    const records = makeRecords(12, { models: ['m'] });
    const dir = tempDir({ 'history.jsonl': historyText(records.slice(0, 3)) });
    const path = join(dir, 'history.jsonl');
    const head = headOf(await readHistory(path))!;
    expect(head).toMatchObject({ path, line: 3 });

    // Nine runs later, a read of the last two runs does not reach line 3: the whole file is searched.
    writeFileSync(path, historyText(records));
    const recent = await readRecent(path, 2);
    expect(recent.complete).toBe(false);
    await expect(refuseWithoutHead(path, recent, head, 'h.jsonl')).resolves.toBeUndefined();

    // Rewritten and grown again past three lines: line 3 is another line now.
    writeFileSync(path, historyText(makeRecords(12, { models: ['m'], seed: 2 })));
    const error = await refuseWithoutHead(path, await readRecent(path, 2), head, 'h.jsonl').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HistoryRewrittenError);
    expect((error as Error).message).toBe(
      `h.jsonl: line 3 (SHA-256 ${head.hash.slice(0, 16)}...), which this run read and verified before, ` +
        'is no longer in the history: it was cut back or rewritten since. Nothing was appended.',
    );
  });

  it('is none for an empty history, which any later history holds', async () => {
    const dir = tempDir();
    expect(headOf(await readHistory(join(dir, 'missing.jsonl')))).toBeNull();
  });
});
