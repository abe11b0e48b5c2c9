export {
  configHash,
  parsePartial,
  partialOf,
  PARTIAL_VERSION,
  PartialError,
  readPartial,
  writePartial,
  type PartialFile,
} from './file.js';
export { mergePartials, readPartials, type LoadedPartial } from './merge.js';
export { displayPath, expandPartialPaths } from './paths.js';
