import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config/load.js';
import type { Config } from '../src/config/types.js';
import { buildRecords } from '../src/analysis/records.js';
import { chainRecords, lineHash, serializeRecord } from '../src/history/codec.js';
import { GENESIS, type HistoryRecord } from '../src/history/record.js';
import { storedTexts } from '../src/history/texts.js';
import { HistoryView } from '../src/history/view.js';
import { FreeTextModel, freeTextOutcome } from './free-text.js';
import type { BenchResult } from './report.js';

const repo = join(import.meta.dirname, '..');
const KB = 1024;

/** A config on the prime suite; models answer in free text at temperature 0.8, 3 samples. */
async function freeTextConfig(root: string, models: string[], extra = ''): Promise<Config> {
  const list = models
    .map((id) => `  - { id: ${id}, model: ${id}, base-url: "http://127.0.0.1:9/v1", temperature: 0.8 }\n`)
    .join('');
  writeFileSync(
    join(root, 'trackrecord.yml'),
    `models:\n${list}suites:\n  - path: ${join(repo, 'examples/llmdrift/prime.yaml')}\nsamples: 3\n${extra}`,
  );
  return loadConfig({ root, configPath: 'trackrecord.yml' });
}

/** The free-text model of 100 prompts x 3 samples: bytes per record, as written and with the texts uncompressed. */
export async function freeTextBench(): Promise<BenchResult> {
  const root = mkdtempSync(join(tmpdir(), 'trackrecord-bench-'));
  try {
    const config = await freeTextConfig(root, ['free']);
    const model = new FreeTextModel(7);
    const view = new HistoryView();
    let prev = GENESIS;
    const written: number[] = [];
    const plain: number[] = [];
    for (let night = 0; night < 10; night++) {
      const [record] = buildRecords(freeTextOutcome(config, model, night), view);
      const [line] = chainRecords([record!], prev);
      prev = lineHash(line!);
      written.push(Buffer.byteLength(line!));
      // The same record with version 1's uncompressed table.
      const { textsGz: _block, ...rest } = JSON.parse(line!) as HistoryRecord;
      plain.push(Buffer.byteLength(serializeRecord({ ...rest, schema: 1, texts: storedTexts(record!) })));
    }
    const worst = Math.max(...written);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length / KB;
    return {
      name: 'free-text record size',
      detail: '10 nights of a model answering in free text (temperature 0.8), 100 prompts x 3 samples',
      measured:
        `${mean(written).toFixed(1)} KB a record compressed (at most ${(worst / KB).toFixed(1)} KB), ` +
        `${mean(plain).toFixed(1)} KB uncompressed`,
      ratio: worst / (60 * KB),
      target: 1,
    };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
