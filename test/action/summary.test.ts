import { describe, expect, it } from 'vitest';
import { fitJobSummary, JOB_SUMMARY_LIMIT_BYTES } from '../../src/action/outputs.js';

describe('fitJobSummary', () => {
  it('leaves a report within the limit as it is', () => {
    const md = '# trackrecord report\n\nAll good.\n';
    expect(fitJobSummary(md)).toBe(md);
  });

  it('cuts a report over the limit by UTF-8 bytes, at a line, closing what was open, with a note', () => {
    // Three bytes per character: a character count would pass three times the limit.
    const answer = (n: number) =>
      `<details><summary>Full answers: p${n}</summary>\n\n<pre>\n` +
      Array.from({ length: 20 }, () => '答'.repeat(400)).join('\n') +
      '\n</pre>\n\n</details>\n';
    const md = `# trackrecord report\n\n${Array.from({ length: 150 }, (_, n) => answer(n)).join('\n')}`;
    expect(Buffer.byteLength(md)).toBeGreaterThan(3 * JOB_SUMMARY_LIMIT_BYTES);

    const out = fitJobSummary(md);
    expect(Buffer.byteLength(out)).toBeLessThanOrEqual(JOB_SUMMARY_LIMIT_BYTES);
    expect(Buffer.byteLength(out)).toBeGreaterThan(JOB_SUMMARY_LIMIT_BYTES - 10_000);
    expect(out.split('<pre>').length).toBe(out.split('</pre>').length);
    expect(out.split('<details>').length).toBe(out.split('</details>').length);
    expect(out).toMatch(/\*\*Truncated:\*\* this summary was cut .*\n?.*report. output\.$/);
    const head = out.slice(0, out.lastIndexOf('\n</pre>'));
    expect(md.startsWith(head)).toBe(true);
  });
});
