import { createRequire as __trackrecordCreateRequire } from 'node:module';
const require = __trackrecordCreateRequire(import.meta.url);

// src/util/numbers.ts
function percent(value, digits = 1) {
  return value === null ? "n/a" : `${roundPercent(value, digits).toFixed(digits)}%`;
}
function roundPercent(value, digits = 1) {
  const scale = 10 ** digits;
  const scaled = Number((value * 100 * scale).toPrecision(12));
  return Math.sign(scaled) * Math.round(Math.abs(scaled)) / scale;
}
function pValue(p) {
  return p < 1e-3 ? "p < 0.001" : `p = ${Number(p.toPrecision(2))}`;
}
function grouped(n) {
  return n.toLocaleString("en-US");
}
function listSome(items, max = 10) {
  return items.length <= max ? items.join(", ") : `${items.slice(0, max).join(", ")} and ${items.length - max} more`;
}
function usd(value) {
  if (value === 0) return "$0";
  if (value < 0.01) return `$${Number(value.toPrecision(2))}`;
  return `$${value.toFixed(2)}`;
}
function costSentence(cost) {
  return cost === void 0 ? "" : ` Cost of this run: ${usd(cost)} at the model's price.`;
}
function count(n, singular, plural = `${singular}s`) {
  return `${n} ${n === 1 ? singular : plural}`;
}

export {
  percent,
  roundPercent,
  pValue,
  grouped,
  listSome,
  usd,
  costSentence,
  count
};
