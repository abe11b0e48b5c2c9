/**
 * `npm run generate`: writes the configuration and history record references from the JSON Schemas.
 *
 *   npx tsx scripts/gen-docs.ts           write docs/configuration.md and docs/record.md
 *   npx tsx scripts/gen-docs.ts --check   write nothing; exit 1 listing the files that are stale
 *
 * The schemas are the single source: every key, type, default, constraint and description in the
 * reference comes from them, so improving a description means editing the schema and rerunning
 * this script. test/docs/reference.test.ts fails when the committed files differ from the output.
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type ReferenceFile, renderAll } from './gen-docs/pages.js';
import { syncGenerated } from './lib/generated.js';

export { REFERENCE_FILES, type ReferenceFile } from './gen-docs/pages.js';

/** The reference pages as they should be committed, from the schemas on disk. Writes nothing. */
export function renderReference(): Record<ReferenceFile, string> {
  return renderAll().files;
}

/** Keys the reference shows without a description (schema file: key path), for the schema authors. */
export function undocumentedKeys(): string[] {
  return renderAll().undocumented;
}

function main(argv: string[]): number {
  if (argv.some((a) => a !== '--check')) {
    process.stderr.write(`usage: tsx scripts/gen-docs.ts [--check]\n`);
    return 2;
  }
  const { files, undocumented, unsupported } = renderAll();
  const code = syncGenerated('docs', files, argv.includes('--check'));
  if (argv.includes('--check')) return code;
  if (unsupported.length > 0) {
    process.stderr.write(
      `warning: the reference does not show these schema keywords:\n${unsupported.map((k) => `  ${k}\n`).join('')}`,
    );
  }
  if (undocumented.length > 0) {
    process.stderr.write(
      `note: ${undocumented.length} keys have no description:\n${undocumented.map((k) => `  ${k}\n`).join('')}`,
    );
  }
  return code;
}

const invoked = process.argv[1] ? realpathSync(process.argv[1]) : '';
if (invoked === fileURLToPath(import.meta.url)) process.exitCode = main(process.argv.slice(2));
