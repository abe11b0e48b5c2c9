// A separate process that appends one record to a history each time its parent asks, so tests
// can race real processes for the history's lock. Run with `node --import tsx`.
import { appendRecords } from '../../src/history/file.js';
import { makeRecords } from './records.js';

export interface AppendRequest {
  path: string;
  model: string;
}

process.on('message', (request: AppendRequest) => {
  appendRecords(request.path, makeRecords(1, { models: [request.model] })).then(
    () => process.send!({ ok: true }),
    (error: unknown) => process.send!({ ok: false, error: String(error) }),
  );
});
process.send!({ ready: true });
