// Generated from schema/config.schema.json and schema/suite.schema.json by `npm run generate` (scripts/gen-validators.ts).
// Do not edit by hand: edit the schema and rerun. This is ajv standalone code, compiled at build time.
import type { ValidateFunction } from 'ajv';

export declare const config: ValidateFunction;
export declare const suite: ValidateFunction;
