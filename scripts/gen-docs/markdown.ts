/** Markdown for the reference pages: code spans, YAML values, prose, table cells and sentences. */
import type { Json } from './schema.js';

/** An inline code span that survives backticks in its content. */
export function code(text: string): string {
  if (!text.includes('`')) return `\`${text}\``;
  return `\`\` ${text} \`\``;
}

/** A JSON value as written in YAML: strings bare unless they would read as something else. */
export function value(v: Json): string {
  if (typeof v === 'string') {
    const ambiguous = v === '' || v.trim() !== v || /^(true|false|null|~|-?\d+(\.\d+)?)$/i.test(v);
    return code(ambiguous ? JSON.stringify(v) : v);
  }
  return code(JSON.stringify(v));
}

/** Prose from a schema: `<` outside code spans would start an HTML tag. */
export function prose(text: string): string {
  return text
    .split(/(`+[^`]*`+)/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/</g, '&lt;')))
    .join('')
    .replace(/\s*\n\s*/g, ' ');
}

/** A table cell: one line, pipes escaped (GFM unescapes them inside code spans too). */
function cell(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|') || ' ';
}

export function table(header: string[], rows: string[][]): string[] {
  return [
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
  ];
}

export function link(text: string, anchor: string): string {
  return `[${text}](#${anchor})`;
}

export function plural(n: number, word: string): string {
  return `${code(String(n))} ${word}${n === 1 ? '' : 's'}`;
}

/** "The text..." -> "the text..." after "Each item:", but "SHA-256..." stays. */
export function continueSentence(text: string): string {
  return /^[A-Z]([a-z]|\s)/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}

export function sentence(text: string): string {
  const t = text.trim();
  return t === '' || /[.!?:)]$/.test(t) ? t : `${t}.`;
}
