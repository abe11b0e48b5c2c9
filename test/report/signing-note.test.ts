import { describe, expect, it } from 'vitest';
import { renderCheckComment } from '../../src/report/check-comment.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { buildReport } from '../../src/report/data/report.js';
import { HistoryView } from '../../src/history/view.js';
import { chainRecords } from '../../src/history/codec.js';
import { GENESIS, type HistoryRecord } from '../../src/history/record.js';
import { makeRecords } from '../support/records.js';

const view = new HistoryView(chainRecords(makeRecords(4), GENESIS).map((l) => JSON.parse(l) as HistoryRecord));
const report = buildReport(view);
const note =
  'Signed: 4 records carry a DSSE envelope in `attestations.jsonl`, key `3f1c0a9b2d4e5f60`; `trackrecord verify --key PUBLIC.pem` checks them.';

describe('the signing note of the report and the pull request comment', () => {
  it('says the records are signed and by which key, only when they are', () => {
    const signing = { envelopes: 4, keyids: ['3f1c0a9b2d4e5f60'] };
    expect(renderMarkdown(report, { signing })).toContain(`\n${note}\n`);
    expect(renderCheckComment(report, 'main', signing)).toContain(`\n${note}\n`);
    expect(renderMarkdown(report)).not.toContain('Signed:');
    expect(renderMarkdown(report, { signing: { envelopes: 0, keyids: [] } })).not.toContain('Signed:');
    expect(renderCheckComment(report, 'main')).not.toContain('Signed:');
    expect(renderMarkdown(report, { signing: { envelopes: 1, keyids: ['3f1c0a9b2d4e5f60'] } })).toContain(
      '\nSigned: 1 record carries a DSSE envelope in `attestations.jsonl`, key `3f1c0a9b2d4e5f60`;',
    );
  });

  it('escapes a key id it read from the file', () => {
    const md = renderMarkdown(report, { signing: { envelopes: 1, keyids: ['@octocat`<b>'] } });
    expect(md).not.toContain('@octocat');
    expect(md).not.toContain('<b>');
  });
});
