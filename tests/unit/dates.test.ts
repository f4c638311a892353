import { describe, expect, it } from 'vitest';
import { compactDate, dayJa, formatDateJa } from '../../src/lib/text/dates';

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

describe('dayJa', () => {
  it('writes a calendar day as month, day and weekday, without leading zeros or the year', () => {
    expect(dayJa('2026-12-07')).toBe('12月7日（月）');
    expect(dayJa('2026-12-13')).toBe('12月13日（日）');
    expect(dayJa('2027-01-02')).toBe('1月2日（土）');
    expect(dayJa('2028-02-29')).toBe('2月29日（火）');
  });
});
