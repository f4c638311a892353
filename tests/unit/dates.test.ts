import { describe, expect, it } from 'vitest';
import { compactDate, formatDateJa } from '../../src/lib/text/dates';

describe('formatDateJa / compactDate', () => {
  it('formats the local date the Japanese way, without leading zeros', () => {
    expect(formatDateJa(new Date(2026, 10, 27, 23, 59).getTime())).toBe('2026年11月27日');
    expect(formatDateJa(new Date(2027, 0, 5).getTime())).toBe('2027年1月5日');
  });
  it('compactDate is YYYYMMDD with zeros', () => {
    expect(compactDate(new Date(2027, 0, 5, 0, 0).getTime())).toBe('20270105');
    expect(compactDate(new Date(2026, 10, 27, 23, 59).getTime())).toBe('20261127');
  });
});
