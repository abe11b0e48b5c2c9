import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { badgeColor, badgeMessage, reliabilitySvg, shieldsEndpoint } from '../../src/badge/index.js';

describe('badgeColor', () => {
  it.each([
    [1, 'green'],
    [0.95, 'green'],
    [0.9499, 'green'],
    [0.9494, 'yellow'],
    [0.85, 'yellow'],
    [0.8499, 'yellow'],
    [0.8494, 'orange'],
    [0.7, 'orange'],
    [0.6999, 'orange'],
    [0.6994, 'red'],
    [0, 'red'],
    [null, 'lightgrey'],
  ] as const)('%s -> %s', (reliability, color) => {
    expect(badgeColor(reliability)).toBe(color);
  });

  it('rejects scores outside 0..1', () => {
    for (const bad of [-0.01, 1.01, Number.NaN, Infinity]) expect(() => badgeColor(bad)).toThrow(RangeError);
  });
});

describe('badgeMessage', () => {
  it.each([
    [0.972, '97.2%'],
    [1, '100.0%'],
    [0, '0.0%'],
    [0.95, '95.0%'],
    [0.5, '50.0%'],
    [0.97249, '97.2%'],
    [0.9725, '97.3%'],
    [0.0285, '2.9%'], // (0.0285 * 100).toFixed(1) would say 2.8
    [0.0005, '0.1%'],
    [0.00049, '0.0%'],
    [2 / 3, '66.7%'],
    [null, 'no data'],
  ] as const)('%s -> %s', (reliability, message) => {
    expect(badgeMessage(reliability)).toBe(message);
  });

  it('adds drifted after a drift beyond noise, and a drifted score is never green', () => {
    expect(badgeMessage(0.81, true)).toBe('81.0% · drifted');
    expect(badgeMessage(null, true)).toBe('no data');
    expect(badgeMessage('unavailable', true)).toBe('unavailable');
    expect([badgeColor(0.99, true), badgeColor(0.99)]).toEqual(['yellow', 'green']);
    expect([badgeColor(0.9, true), badgeColor(0.75, true), badgeColor(0.5, true)]).toEqual(['yellow', 'orange', 'red']);
  });

  it('colors by the value it shows, so color and message never disagree', () => {
    expect(badgeMessage(0.9499)).toBe('95.0%');
    expect(badgeColor(0.9499)).toBe('green');
    expect(badgeMessage(0.9494)).toBe('94.9%');
    expect(badgeColor(0.9494)).toBe('yellow');
  });
});

describe('reliabilitySvg', () => {
  it('is well-formed XML naming the label and the message', () => {
    const svg = reliabilitySvg('reliability', 0.972);
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('>reliability<');
    expect(svg).toContain('>97.2%<');
    expect(svg).toContain('<title>reliability: 97.2%</title>');
  });

  it('says no data for null', () => {
    const svg = reliabilitySvg('gpt-4o', null);
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).toContain('>gpt-4o<');
    expect(svg).toContain('>no data<');
  });

  it('escapes labels that are not XML-safe', () => {
    const svg = reliabilitySvg('a<b & "c"', 0.5);
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).toContain('a&lt;b &amp;');
  });

  it('paints the badge in the score color', () => {
    const colors = [0.99, 0.9, 0.75, 0.1, null].map((r) => reliabilitySvg('reliability', r));
    expect(new Set(colors).size).toBe(5);
  });

  it('is the same bytes for the same inputs', () => {
    expect(reliabilitySvg('reliability', 0.9)).toBe(reliabilitySvg('reliability', 0.9));
  });
});

describe('shieldsEndpoint', () => {
  it('is the shields.io endpoint schema', () => {
    expect(shieldsEndpoint('reliability', 0.972)).toEqual({
      schemaVersion: 1,
      label: 'reliability',
      message: '97.2%',
      color: 'green',
    });
    expect(shieldsEndpoint('reliability', 0.8)).toEqual({
      schemaVersion: 1,
      label: 'reliability',
      message: '80.0%',
      color: 'orange',
    });
    expect(shieldsEndpoint('reliability', null)).toEqual({
      schemaVersion: 1,
      label: 'reliability',
      message: 'no data',
      color: 'lightgrey',
    });
  });

  it('has exactly the four fields, with the reliability as its message', () => {
    const json = shieldsEndpoint('x', 0.3);
    expect(Object.keys(json).sort()).toEqual(['color', 'label', 'message', 'schemaVersion']);
    expect(json.message).toBe('30.0%');
  });
});
