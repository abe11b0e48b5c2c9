/**
 * Replay server: an OpenAI-compatible endpoint serving recorded outputs, with
 * deterministic fault injection, for tests, benchmarks and the demo.
 */
export { loadLlmdriftRecordings, RecordingIndex, type Recording } from './recordings.js';
export {
  DEFAULT_SEED,
  FAULT_ORDER,
  faultDraw,
  pickFault,
  validateFaultPlan,
  type Fault,
  type FaultKind,
  type FaultPlan,
  type FaultSpec,
} from './faults.js';
export { TokenBucket, validateRateLimit, type RateLimit } from './rate-limit.js';
export { countWords, systemFingerprint } from './responses.js';
export {
  EMBEDDING_DIMENSIONS,
  replayEmbedding,
  replayEmbeddingTokens,
  type EmbeddingRequestRecord,
} from './embeddings.js';
export { startReplayServer, type ReplayServer, type ReplayServerOptions, type RequestRecord } from './server.js';
