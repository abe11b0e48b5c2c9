import { afterEach, describe, expect, it } from 'vitest';
import type { HistoryRecord } from '../../src/history/record.js';
import { verifyHistory } from '../../src/history/verify.js';
import type { ReplayServer } from '../../tools/replay/index.js';
import { runAction } from '../support/action.js';
import { remoteWithConfig, startActionServer } from './fixtures.js';

let server: ReplayServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe("the action's cost output", () => {
  it("is the recorded cost of the run at the model's price", async () => {
    server = await startActionServer();
    const remote = await remoteWithConfig(server.baseUrl, '', '    price: { input: 2.5, output: 10 }\n');
    const { dir } = await remote.clone();
    const run = await runAction({ workspace: dir, eventName: 'schedule', env: remote.env });
    expect(run.failure).toBeNull();
    expect(run.code).toBe(0);

    const history = (await remote.remoteGit.run(['show', 'main:.trackrecord/history.jsonl'])).stdout;
    const [record] = verifyHistory(history).records as HistoryRecord[];
    const { tokens, cost } = record!.metrics;
    expect(cost).toBeCloseTo((tokens.in * 2.5 + tokens.out * 10) / 1e6, 12);
    // The replay server's usage figures are fixed by the recordings.
    expect(tokens).toEqual({ in: 1505, out: 13541 });
    expect(cost).toBeCloseTo(0.1391725, 12);
    expect(run.outputs['cost']).toBe(String(cost));
  });
});

describe('usage numbers from the server that are not counts', () => {
  it('are a warning annotation naming the model and field, and the night is recorded', async () => {
    server = await startActionServer();
    server.setFaults({ usage: { share: 1, numbers: { completion_tokens: -1 } } });
    const remote = await remoteWithConfig(server.baseUrl, '', '    price: { input: 2.5, output: 10 }\n');
    const { dir } = await remote.clone();
    const run = await runAction({ workspace: dir, eventName: 'schedule', env: remote.env });
    expect(run.failure).toBeNull();
    expect(run.annotations).toContainEqual({
      level: 'warning',
      message: 'model "gpt-4": the server reported usage.completion_tokens -1, not a count: taken as unknown',
    });
    const history = (await remote.remoteGit.run(['show', 'main:.trackrecord/history.jsonl'])).stdout;
    const [record] = verifyHistory(history).records as HistoryRecord[];
    expect(record!.metrics.tokens.out).toBe(0);
    expect(record!.tokensOut.every((t) => t === null)).toBe(true);
    expect(Number.isFinite(record!.metrics.cost)).toBe(true);
  });
});
