/**
 * A format-neutral document: what a report says, built once (report-document.ts) and written
 * out by two small serializers (markdown.ts, html.ts), so the markdown and HTML reports cannot
 * drift apart in wording or logic. Texts are either our own wording or untrusted: anything read
 * from a history or a server is marked untrusted and escaped by the serializer for its format.
 */
import type { DriftEntry, TrendPoint } from '../data/report.js';

export type Inline =
  /** Our own wording, plain text with no markup. */
  | string
  /** Text from a history or a server: escaped, on one line, cut at `max` characters. `name`: an identifier (a key, a model, a run). */
  | { kind: 'untrusted'; text: string; max: number; name?: boolean }
  /** Shown as code: a command or file name of ours, or, `untrusted`, an id read from a file (hex, normally). */
  | { kind: 'code'; text: string; untrusted?: { max: number } }
  | { kind: 'strong'; content: Inline[] }
  /** A link when `url` is a plain https URL, else the content alone. */
  | { kind: 'link'; url: string | null; content: Inline[] }
  /** A link to a section of the same document (HTML); the content alone where the format has none. */
  | { kind: 'anchor'; target: string; content: Inline[] }
  /** Stands in for a missing value ("no answer"). */
  | { kind: 'placeholder'; text: string }
  /** A short label of ours that classifies a row ("drift", "regression"). */
  | { kind: 'tag'; text: string };

export interface Column {
  title: string;
  numeric?: boolean;
}

export type Block =
  | { kind: 'heading'; content: Inline[] }
  | { kind: 'paragraph'; content: Inline[]; note?: boolean }
  | { kind: 'list'; items: Inline[][] }
  /** A boxed aside: a lead paragraph and a list. */
  | { kind: 'callout'; lead: Inline[]; items: Inline[][] }
  /** `role`: what the table is, for a format that styles it (the summary of every model). */
  | { kind: 'table'; columns: Column[]; rows: Inline[][][]; role?: 'summary' }
  | { kind: 'details'; summary: Inline[]; open: boolean; blocks: Block[] }
  /** A titled part of the document (one per model). */
  | { kind: 'section'; id: string; title: Inline[]; blocks: Block[] }
  /** Changed answers with what they were and are now; each format shows long answers its own way. */
  | { kind: 'answers'; columns: AnswerColumns; rows: AnswerRow[] }
  /** A model's trend over its last runs: a chart in the format's own idiom. */
  | { kind: 'trend'; points: TrendPoint[]; id: string; label: string };

/** Titles of the key, before, after and kind columns. */
export type AnswerColumns = [string, string, string, string];

export interface AnswerRow {
  key: string;
  before: DriftEntry['before'];
  after: DriftEntry['after'];
  tags: string[];
}

export const untrusted = (text: string, max: number): Inline => ({ kind: 'untrusted', text, max });
export const name = (text: string, max: number): Inline => ({ kind: 'untrusted', text, max, name: true });
export const strong = (...content: Inline[]): Inline => ({ kind: 'strong', content });
export const code = (text: string): Inline => ({ kind: 'code', text });
export const paragraph = (...content: Inline[]): Block => ({ kind: 'paragraph', content });
export const note = (...content: Inline[]): Block => ({ kind: 'paragraph', content, note: true });
