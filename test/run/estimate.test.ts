import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { estimatePlan, estimateTokens, tokenCost } from '../../src/run/estimate.js';
import { buildPlan } from '../../src/run/plan.js';
import { formatPlanEstimate } from '../../src/report/plan.js';
import { tempDir } from '../support/tmp.js';

const SUITE = `name: s
prompts:
  - id: a
    prompt: "12345678"
  - id: b
    messages:
      - { role: system, content: "123" }
      - { role: user, content: "1234567" }
`;

describe('estimatePlan', () => {
  it('counts requests and estimates input tokens per model, with the system prompt', async () => {
    const root = tempDir({
      's.yaml': SUITE,
      'c.yml': `models:
  - id: plain
    model: m
    base-url: http://127.0.0.1:1/v1
  - id: priced
    model: m
    base-url: http://127.0.0.1:1/v1
    system: "1234"
    max-tokens: 100
    price: { input: 2.5, output: 10 }
suites:
  - path: s.yaml
samples: 3
`,
    });
    const estimate = estimatePlan(buildPlan(await loadConfig({ root, configPath: 'c.yml' })));
    // By hand: a = ceil(8/4)+4 = 6; b = (ceil(3/4)+4) + (ceil(7/4)+4) = 5 + 6 = 11; system "1234" adds 1+4 per prompt.
    expect(estimate.models[0]).toMatchObject({
      requests: 6,
      inputTokens: (6 + 11) * 3,
      maxOutputTokens: null,
      inputCost: null,
    });
    expect(estimate.models[1]).toMatchObject({ requests: 6, inputTokens: (6 + 11 + 2 * 5) * 3, maxOutputTokens: 600 });
    expect(estimate.models[1]!.inputCost).toBeCloseTo((81 * 2.5) / 1e6, 12);
    expect(estimate.models[1]!.maxCost).toBeCloseTo((81 * 2.5 + 600 * 10) / 1e6, 12);
    expect(estimate).toMatchObject({
      suites: [{ name: 's', prompts: 2 }],
      samples: 3,
      requests: 12,
      inputTokens: 51 + 81,
    });
  });

  it('prices tokens per million, input and output apart', () => {
    expect(tokenCost({ in: 1_000_000, out: 0 }, { input: 0.15, output: 0.6 })).toBeCloseTo(0.15, 12);
    expect(tokenCost({ in: 2000, out: 500 }, { input: 3, output: 15 })).toBeCloseTo(0.006 + 0.0075, 12);
    expect(estimateTokens([])).toBe(0);
    expect(estimateTokens([{ content: '' }])).toBe(4);
  });
});

describe('estimatePlan with embeddings', () => {
  it('counts the texts a run sends to the embedding model: answers once per embedding model, and similar targets', async () => {
    const root = tempDir({
      's.yaml': `name: s
prompts:
  - id: plain
    prompt: "hi"
  - id: similar
    prompt: "capital of France?"
    expect:
      - similar: { to: "Paris is the capital.", threshold: 0.8 }
      - similar: { to: "It is Paris.", threshold: 0.8 }
  - id: compared
    prompt: "tell a story"
    compare: embedding
  - id: both
    prompt: "define drift"
    compare: { embedding: other-embedder, threshold: 0.9 }
    expect:
      - similar: { to: "A change in behavior.", threshold: 0.8 }
`,
      'c.yml': `models:
  - id: m
    model: m
    base-url: http://127.0.0.1:1/v1
    embedding: embedder
suites:
  - path: s.yaml
samples: 2
`,
    });
    const estimate = estimatePlan(buildPlan(await loadConfig({ root, configPath: 'c.yml' })));
    // similar: 2 targets + 2 answers; compared: 2 answers; both: 1 target + 2 answers for each of 2 embedders.
    expect(estimate.models[0]!.embeddingTexts).toBe(2 + 2 + 2 + 1 + 2 * 2);
    expect(formatPlanEstimate(estimate)).toContain('up to 11 texts to embed');
  });
});
