/**
 * `npm run generate` (with gen-docs): compiles the JSON Schemas trackrecord validates its own
 * files with into plain JavaScript, using ajv's standalone code.
 *
 *   npx tsx scripts/gen-validators.ts           write the validator modules
 *   npx tsx scripts/gen-validators.ts --check   write nothing; exit 1 listing the stale files
 *
 * Compiling the config, suite and record schemas at run time cost about 150 ms of every start,
 * more than half of the action's budget before its first request. The schemas are fixed at build
 * time, so they are compiled here once. test/scripts/gen-validators.test.ts fails when the
 * committed modules differ from this script's output.
 */
import { readFileSync, realpathSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type Options } from 'ajv';
import standaloneModule from 'ajv/dist/standalone/index.js';
import { syncGenerated } from './lib/generated.js';

const REPO = resolve(import.meta.dirname, '..');

interface ValidatorModule {
  /** The schemas, by the name each validator is exported as. */
  schemas: Record<string, string>;
  /** The validators' type, per export, for the declaration file. */
  types: Record<string, string>;
  /** Type imports the declaration file needs. */
  typeImports: string[];
  options: Options;
}

/**
 * One module per set of ajv options. The config and suite validators keep every error and the
 * schema each one came from (for "did you mean" on unknown keys); the record validator stops at
 * the first error and matches the schema's ASCII patterns without the slower unicode flag.
 */
const MODULES: Record<string, ValidatorModule> = {
  'src/config/validators.generated.js': {
    schemas: { config: 'schema/config.schema.json', suite: 'schema/suite.schema.json' },
    types: { config: 'ValidateFunction', suite: 'ValidateFunction' },
    typeImports: [],
    options: { allErrors: true, strict: false, verbose: true },
  },
  'src/history/record-validator.generated.js': {
    schemas: { record: 'schema/record.schema.json' },
    types: { record: 'ValidateFunction<HistoryRecord>' },
    typeImports: ["import type { HistoryRecord } from './record.js';"],
    options: { allErrors: false, strict: true, allowUnionTypes: true, unicodeRegExp: false },
  },
};

export const VALIDATOR_FILES: string[] = Object.keys(MODULES).flatMap((js) => [js, declarationOf(js)]);

function declarationOf(js: string): string {
  return js.replace(/\.js$/, '.d.ts');
}

// A CommonJS module: its ES default export is `module.exports`, whose `default` is the function.
const standaloneCode = standaloneModule.default;

function header(sources: string[]): string {
  return (
    `// Generated from ${sources.join(' and ')} by \`npm run generate\` (scripts/gen-validators.ts).\n` +
    '// Do not edit by hand: edit the schema and rerun. This is ajv standalone code, compiled at build time.\n'
  );
}

function renderModule(module: ValidatorModule): { js: string; dts: string } {
  const ajv = new Ajv({ ...module.options, code: { source: true, esm: true, lines: true } });
  for (const [name, file] of Object.entries(module.schemas)) {
    ajv.addSchema(JSON.parse(readFileSync(join(REPO, file), 'utf8')) as object, name);
  }
  const names = Object.fromEntries(Object.keys(module.schemas).map((name) => [name, name]));
  const code = esmImports(standaloneCode(ajv, names));
  const sources = Object.values(module.schemas);
  const dts = [
    header(sources).trimEnd(),
    "import type { ValidateFunction } from 'ajv';",
    ...module.typeImports,
    '',
    ...Object.entries(module.types).map(([name, type]) => `export declare const ${name}: ${type};`),
    '',
  ].join('\n');
  return { js: header(sources) + code, dts };
}

/**
 * Even with `esm: true`, ajv 8 loads its runtime helpers with `require()`, which an ES module
 * does not have. Each becomes an import of the CommonJS module. Its default export is
 * `module.exports` in Node and esbuild, whose `default` is the helper; vitest hands over the
 * helper itself.
 */
function esmImports(code: string): string {
  const imports: string[] = [];
  const body = code
    .replace(/^"use strict";\n?/, '')
    .replace(/const (\w+) = require\("(ajv\/dist\/runtime\/[\w-]+)"\)\.default;/g, (_, name: string, path: string) => {
      imports.push(`import ${name}Module from '${path}.js';`);
      return `const ${name} = typeof ${name}Module === 'function' ? ${name}Module : ${name}Module.default;`;
    });
  const left = /require\([^)]*\)/.exec(body);
  if (left) throw new Error(`gen-validators: cannot turn ${left[0]} into an import`);
  return `${imports.join('\n')}${imports.length > 0 ? '\n' : ''}${body.trimEnd()}\n`;
}

/** Every generated file's content, by path from the repository root. */
export function renderValidators(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const [js, module] of Object.entries(MODULES)) {
    const rendered = renderModule(module);
    files[js] = rendered.js;
    files[declarationOf(js)] = rendered.dts;
  }
  return files;
}

function main(argv: string[]): number {
  if (argv.some((a) => a !== '--check')) {
    process.stderr.write('usage: tsx scripts/gen-validators.ts [--check]\n');
    return 2;
  }
  return syncGenerated('validators', renderValidators(), argv.includes('--check'));
}

const invoked = process.argv[1] ? realpathSync(process.argv[1]) : '';
if (invoked === fileURLToPath(import.meta.url)) process.exitCode = main(process.argv.slice(2));
