/**
 * Builds the 100-question LLMDrift prime subset shipped with trackrecord.
 *
 *   npx tsx scripts/make-prime-subset.ts [path-to-prime.jsonl]
 *
 * Default input: ../shared/data/llmdrift/prime.jsonl (relative to the repo root).
 * Writes data/llmdrift/prime-100.jsonl, data/llmdrift/README.md, data/llmdrift/LICENSE
 * and examples/llmdrift/prime.yaml. The output depends only on the input file.
 *
 * Selection: for each reference label ("yes", "no"), sort the question ids by the hex
 * sha256 of `trackrecord:<id>` and keep the first 50. A hash order is a fixed, seeded
 * shuffle: nobody chose the questions, and re-running gives the same ids.
 */
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Document, isCollection } from 'yaml';

interface Line {
  /** The line exactly as read, so the subset copies the source bytes. */
  raw: string;
  model: string;
  id: number;
  query: string;
  ref_answer: string;
  answer: string;
  latency_s: number;
  temperature: number;
  max_tokens: number;
}

const SEED = 'trackrecord:';
const PER_LABEL = 50;
const MODELS = ['gpt-3.5-turbo-0301', 'gpt-3.5-turbo-0613', 'gpt-4-0314', 'gpt-4-0613'] as const;
const PAIRS = [
  { family: 'gpt-4', march: 'gpt-4-0314', june: 'gpt-4-0613' },
  { family: 'gpt-3.5', march: 'gpt-3.5-turbo-0301', june: 'gpt-3.5-turbo-0613' },
] as const;
const ANSWER_RE = /\[(yes|no)\]/i;

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** First case-insensitive `[yes]`/`[no]`, lowercased; null when the reply has none. */
function extractAnswer(answer: string): string | null {
  return ANSWER_RE.exec(answer)?.[1]?.toLowerCase() ?? null;
}

/** The source spells the label "yes" but "No": compare labels lowercased. */
function refLabel(line: Line): string {
  return line.ref_answer.toLowerCase();
}

function parseLines(text: string, file: string): Line[] {
  return text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l, i) => {
      try {
        return { ...(JSON.parse(l) as Omit<Line, 'raw'>), raw: l };
      } catch {
        throw new Error(`${file}:${i + 1}: not valid JSON`);
      }
    });
}

function pct(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}

interface Figures {
  accuracy: Record<string, number>;
  changed: Record<string, number>;
}

/** Accuracy per model and, per family, the share of ids whose extracted answer differs. */
function figures(lines: Line[], ids: number[]): Figures {
  const byKey = new Map(lines.map((l) => [`${l.model}\u0000${l.id}`, l]));
  const get = (model: string, id: number): Line => {
    const line = byKey.get(`${model}\u0000${id}`);
    if (!line) throw new Error(`no line for model ${model}, id ${id}`);
    return line;
  };
  const accuracy: Record<string, number> = {};
  for (const model of MODELS) {
    const right = ids.filter((id) => {
      const l = get(model, id);
      return extractAnswer(l.answer) === refLabel(l);
    }).length;
    accuracy[model] = right / ids.length;
  }
  const changed: Record<string, number> = {};
  for (const p of PAIRS) {
    // "No match" is a value of its own: [Yes] -> no match counts as changed.
    const n = ids.filter(
      (id) => extractAnswer(get(p.march, id).answer) !== extractAnswer(get(p.june, id).answer),
    ).length;
    changed[p.family] = n / ids.length;
  }
  return { accuracy, changed };
}

function selectIds(lines: Line[]): number[] {
  const labelOf = new Map<number, string>();
  for (const l of lines) labelOf.set(l.id, refLabel(l));
  const picked: number[] = [];
  for (const label of ['yes', 'no']) {
    const ids = [...labelOf].filter(([, ref]) => ref === label).map(([id]) => id);
    if (ids.length < PER_LABEL) throw new Error(`only ${ids.length} questions with ref "${label}"`);
    ids.sort((a, b) => (sha256(SEED + a) < sha256(SEED + b) ? -1 : 1));
    picked.push(...ids.slice(0, PER_LABEL));
  }
  return picked.sort((a, b) => a - b);
}

function promptId(line: Line): string {
  const n = /^Is (\d+) a prime number\?/.exec(line.query)?.[1];
  return n ? `prime-${n}` : `q${line.id}`;
}

function suiteYaml(questions: Line[]): string {
  const prompts = questions.map((q) => ({
    id: promptId(q),
    prompt: q.query,
    extract: { regex: '\\[(yes|no)\\]', flags: 'i' },
    normalize: ['lowercase'],
    expect: [{ equals: refLabel(q) }],
  }));
  const ids = new Set(prompts.map((p) => p.id));
  if (ids.size !== prompts.length) throw new Error('duplicate prompt ids in the suite');
  const doc = {
    name: 'llmdrift-prime',
    description:
      'Is N prime? 100 questions (50 primes, 50 composites) from the LLMDrift study ' +
      '(Chen, Zaharia, Zou, arXiv:2307.09009; lchen001/LLMDrift, Apache-2.0).',
    prompts,
  };
  const yamlDoc = new Document(doc);
  // Flow style for the one-line extractor and steps, like a hand-written suite; quoting every string
  // value keeps `yes`/`no` strings even for YAML 1.1 readers that treat them as booleans.
  prompts.forEach((_, i) => {
    for (const key of ['extract', 'normalize']) {
      const node = yamlDoc.getIn(['prompts', i, key], true);
      if (isCollection(node)) node.flow = true;
    }
  });
  return yamlDoc.toString({ lineWidth: 0, defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN' });
}

function table(sub: Figures, full: Figures): string {
  const rows = MODELS.map((m) => `| ${m} | ${pct(sub.accuracy[m] ?? NaN)} | ${pct(full.accuracy[m] ?? NaN)} |`);
  const changed = PAIRS.map(
    (p) =>
      `| ${p.family} (${p.march} -> ${p.june}) | ${pct(sub.changed[p.family] ?? NaN)} | ` +
      `${pct(full.changed[p.family] ?? NaN)} |`,
  );
  return [
    '| model | accuracy, subset (100) | accuracy, all 1,000 |',
    '|---|---|---|',
    ...rows,
    '',
    '| family | extracted answer changed, subset | all 1,000 |',
    '|---|---|---|',
    ...changed,
  ].join('\n');
}

function readme(sub: Figures, full: Figures, ids: number[]): string {
  return `# LLMDrift prime subset

\`prime-100.jsonl\` is a 100-question slice of the prime-number data recorded for the paper
Lingjiao Chen, Matei Zaharia, James Zou, "How Is ChatGPT's Behavior Changing over Time?"
(arXiv:2307.09009). The source is the public repository lchen001/LLMDrift, file
\`generation/PRIME_FULL_EVAL.csv\`, published under the Apache License 2.0; a copy of that
licence is in \`LICENSE\` next to this file. The lines are copied as they were in the JSON Lines
conversion of that CSV: no field, prompt or answer was edited.

## What is in it

Each question asks whether a number is prime and tells the model to finish with "[Yes]" or
"[No]". The same question was sent to four model snapshots: gpt-3.5-turbo-0301 and gpt-4-0314
(March 2023) and gpt-3.5-turbo-0613 and gpt-4-0613 (June 2023). The file has one line per
snapshot and question, 400 lines, ordered by \`model\` and then \`id\`, with the fields
\`model\`, \`id\`, \`query\`, \`ref_answer\`, \`answer\`, \`latency_s\`, \`temperature\` and
\`max_tokens\`. Note that the source spells the reference labels \`"yes"\` and \`"No"\`; they
are kept as they are here and compared case-insensitively.

Because the prompts are fixed and only the snapshot changes, replaying the March answers as
one run and the June answers as the next gives a real case of behavior drift to test against.
\`examples/llmdrift/prime.yaml\` is the matching trackrecord suite.

## How the questions were chosen

No question was picked by hand. Within each reference label ("yes" and "no"), the question ids
are ordered by the hexadecimal SHA-256 of the string \`trackrecord:<id>\`, and the first 50 are
kept, which gives 50 primes and 50 composites. The result depends only on the source file.

Selected ids: ${ids.join(', ')}.

## Regenerating

From the repository root:

    npx tsx scripts/make-prime-subset.ts [path/to/prime.jsonl]

The default input is \`../shared/data/llmdrift/prime.jsonl\`. The script rewrites this README,
\`prime-100.jsonl\`, \`LICENSE\` and \`examples/llmdrift/prime.yaml\`.

## Trying it without an API key

The replay server in \`tools/replay/\` answers OpenAI-style chat requests with these recorded
replies, so the suite can be run against the March snapshot and then the June one:

    npx tsx tools/replay/main.ts --data data/llmdrift/prime-100.jsonl --alias gpt-4=gpt-4-0314

## Figures

Computed by the script. An answer is the first case-insensitive match of \`\\[(yes|no)\\]\` in
the reply, lowercased; a reply without a match counts as wrong. "Changed" is the share of
questions whose extracted answer (a missing answer being a value of its own) differs between
the March and the June snapshot of the same model family.

${table(sub, full)}

The raw reply text differs between snapshots for nearly every question, so comparing text
verbatim would flag everything; comparing the extracted answer is what isolates the drift.
`;
}

async function main(): Promise<void> {
  const input = resolve(process.argv[2] ?? join(repoRoot, '..', 'shared', 'data', 'llmdrift', 'prime.jsonl'));
  const lines = parseLines(await readFile(input, 'utf8'), input);
  const ids = selectIds(lines);
  const idSet = new Set(ids);
  const modelRank = new Map<string, number>(MODELS.map((m, i) => [m, i]));

  const subset = lines
    .filter((l) => idSet.has(l.id))
    .sort((a, b) => (modelRank.get(a.model) ?? 99) - (modelRank.get(b.model) ?? 99) || a.id - b.id);
  if (subset.length !== ids.length * MODELS.length) {
    throw new Error(`expected ${ids.length * MODELS.length} lines, got ${subset.length}`);
  }
  // One question per id, taken from the first model: the query is identical across models.
  const questions = subset.filter((l) => l.model === MODELS[0]);

  const sub = figures(lines, ids);
  const allIds = [...new Set(lines.map((l) => l.id))].sort((a, b) => a - b);
  const full = figures(lines, allIds);

  const dataDir = join(repoRoot, 'data', 'llmdrift');
  const exampleDir = join(repoRoot, 'examples', 'llmdrift');
  await mkdir(dataDir, { recursive: true });
  await mkdir(exampleDir, { recursive: true });
  await writeFile(join(dataDir, 'prime-100.jsonl'), subset.map((l) => l.raw).join('\n') + '\n');
  await writeFile(join(exampleDir, 'prime.yaml'), suiteYaml(questions));
  await writeFile(join(dataDir, 'README.md'), readme(sub, full, ids));
  await copyFile(join(dirname(input), 'LICENSE'), join(dataDir, 'LICENSE'));

  console.log(`wrote ${subset.length} lines for ${ids.length} questions`);
  console.log(table(sub, full));
}

await main();
