/**
 * JSON Schema's `uniqueItems`, in time linear in the answer. ajv compares every pair of items
 * unless all are of one scalar type: a model's 1 MB answer of 100,000 small objects took it
 * minutes. Here each distinct value gets a number, its children first, so that equal values
 * (objects with the same members in any order, as JSON Schema says) get the same number.
 */
import type { FuncKeywordDefinition, SchemaValidateFunction } from 'ajv';

const validate: SchemaValidateFunction = (unique: boolean, items: unknown[]): boolean => {
  validate.errors = [];
  if (!unique) return true;
  const duplicate = firstDuplicate(items);
  if (duplicate === null) return true;
  const [i, j] = duplicate;
  validate.errors = [
    {
      keyword: 'uniqueItems',
      message: `must NOT have duplicate items (items ## ${i} and ${j} are identical)`,
      params: { i, j },
    },
  ];
  return false;
};

export const uniqueItems: FuncKeywordDefinition = {
  keyword: 'uniqueItems',
  type: 'array',
  schemaType: 'boolean',
  errors: true,
  validate,
};

/** The indexes of the first item equal to an earlier one, and of that earlier one; null when all differ. */
function firstDuplicate(items: readonly unknown[]): [number, number] | null {
  const numbers = new Map<string, number>();
  const numberOf = (value: unknown): number => {
    // Keys of different kinds never meet: a string's starts with a quote, a list's with [, an object's with {.
    let key: string;
    if (Array.isArray(value)) key = `[${value.map(numberOf).join(',')}`;
    else if (value !== null && typeof value === 'object') {
      const members = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      key = `{${members.map(([name, member]) => `${JSON.stringify(name)}:${numberOf(member)}`).join(',')}`;
    } else key = JSON.stringify(value);
    let n = numbers.get(key);
    if (n === undefined) numbers.set(key, (n = numbers.size));
    return n;
  };
  const seen = new Map<number, number>();
  for (let j = 0; j < items.length; j++) {
    const n = numberOf(items[j]);
    const i = seen.get(n);
    if (i !== undefined) return [i, j];
    seen.set(n, j);
  }
  return null;
}
