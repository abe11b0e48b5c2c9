// Generated from schema/record.schema.json by `npm run generate` (scripts/gen-validators.ts).
// Do not edit by hand: edit the schema and rerun. This is ajv standalone code, compiled at build time.
import type { ValidateFunction } from 'ajv';
import type { HistoryRecord } from './record.js';

export declare const record: ValidateFunction<HistoryRecord>;
