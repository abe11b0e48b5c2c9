import { answerOrNull } from '../checks/index.js';
import { promptResult } from '../analysis/prompt-result.js';
import type { RunOutcome } from '../run/outcome.js';
import type { HistoryView } from '../history/view.js';
import { compareModel, similarModel } from '../run/embeddings.js';

/**
 * Fetches the vectors a run's analysis reads from history, before it runs (analysis is pure):
 * the earlier answers of each series compared by embeddings, and the earlier samples the drift
 * test checks again with `similar`, over the trailing window. All cached with the run's own.
 * A request that fails leaves its vectors missing: such answers are then equal only when
 * identical, and a `similar` check without vectors fails.
 */
export async function fetchHistoryEmbeddings(outcome: RunOutcome, view: HistoryView): Promise<void> {
  const window = outcome.config.window;
  for (const { model, observations, embeddings } of outcome.models) {
    if (!embeddings) continue;
    const wanted = new Map<string, Set<string>>();
    const add = (embedding: string, text: string | null): void => {
      if (text === null) return;
      wanted.set(embedding, (wanted.get(embedding) ?? new Set()).add(text));
    };
    for (const o of observations) {
      const spec = outcome.specOf(o);
      const compare = compareModel(model, spec.compare);
      const similar = similarModel(model, spec);
      if (compare === null && similar === null) continue;
      const { promptHash, key } = promptResult(o, spec);
      if (compare !== null) {
        for (const point of view.recentAnswered(model.id, promptHash, key, window)) add(compare, point.answer);
      }
      if (similar === null) continue;
      for (const point of view.series(model.id, promptHash, key).slice(-window)) {
        if (!point.answered) continue;
        for (const output of view.sampleOutputs(model.id, point)) add(similar, answerOrNull(output, spec));
      }
    }
    for (const [embedding, texts] of wanted) await embeddings.fetch(embedding, [...texts]);
  }
}
