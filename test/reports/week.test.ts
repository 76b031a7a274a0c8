import { describe, expect, it } from 'vitest';
import { addWeeks, assertIsoWeek, isIsoWeek, isoWeekOf, isoWeeksInYear, lastCompleteWeek, latestDueWeek, reportDueAt, weekRange, weeksEndingWith } from '../../src/reports/week.ts';

describe('ISO weeks', () => {
  it('names the week of a day, Monday to Sunday', () => {
    expect(isoWeekOf('2025-10-13')).toBe('2025-W42');
    expect(isoWeekOf('2025-10-19')).toBe('2025-W42');
    expect(isoWeekOf('2025-10-20')).toBe('2025-W43');
    expect(weekRange('2025-W42')).toEqual({ week: '2025-W42', start: '2025-10-13', end: '2025-10-19' });
    expect(weekRange('2024-W08')).toEqual({ week: '2024-W08', start: '2024-02-19', end: '2024-02-25' });
  });

  it('puts days around New Year in the week of their Thursday', () => {
    // 2026 starts on a Thursday: 53 weeks, and W53 runs into 2027.
    expect(isoWeeksInYear(2026)).toBe(53);
    expect(weekRange('2026-W53')).toEqual({ week: '2026-W53', start: '2026-12-28', end: '2027-01-03' });
    expect(isoWeekOf('2027-01-03')).toBe('2026-W53');
    expect(isoWeekOf('2027-01-04')).toBe('2027-W01');
    expect(addWeeks('2026-W53', 1)).toBe('2027-W01');
    expect(addWeeks('2027-W01', -1)).toBe('2026-W53');
    // 2024-12-30 (Monday) is in 2025's first week; 2021-01-03 in 2020-W53; 2023-01-01 in 2022-W52.
    expect(isoWeekOf('2024-12-30')).toBe('2025-W01');
    expect(isoWeekOf('2021-01-03')).toBe('2020-W53');
    expect(isoWeekOf('2023-01-01')).toBe('2022-W52');
    expect(weekRange('2025-W01').start).toBe('2024-12-30');
  });

  it('knows which years have 53 weeks (starting Thursday, or Wednesday in a leap year)', () => {
    expect([2015, 2020, 2026, 2032].map(isoWeeksInYear)).toEqual([53, 53, 53, 53]);
    expect([2021, 2022, 2023, 2024, 2025, 2027].map(isoWeeksInYear)).toEqual([52, 52, 52, 52, 52, 52]);
  });

  it('round-trips every week of 1995-2040 through its Monday', () => {
    let week = '1995-W01';
    for (let i = 0; i < 46 * 53; i++) {
      const { start, end } = weekRange(week);
      expect(isoWeekOf(start)).toBe(week);
      expect(isoWeekOf(end)).toBe(week);
      const next = addWeeks(week, 1);
      expect(weekRange(next).start > end).toBe(true);
      week = next;
    }
  });

  it('refuses what is not a real week, with a 400 that says why', () => {
    for (const bad of ['2025-W53', '2025-W00', '2025-w42', '2025W42', '2025-W4', ' 2025-W42', '1992-W10', '2025-W42.json']) expect(isIsoWeek(bad)).toBe(false);
    expect(() => assertIsoWeek('2025-W53')).toThrow(/2025 has 52 ISO weeks/);
    try {
      assertIsoWeek('nope');
    } catch (err) {
      expect(err).toMatchObject({ code: 'reports.bad_week', statusCode: 400 });
    }
  });

  it('lists trailing weeks oldest first across a year boundary', () => {
    expect(weeksEndingWith('2027-W02', 4)).toEqual(['2026-W52', '2026-W53', '2027-W01', '2027-W02']);
  });

  it('takes the last complete week and the due week from an injected clock (Eastern)', () => {
    // Monday 2025-10-20 06:59 EDT is 10:59Z: the week before last is the newest due.
    expect(lastCompleteWeek(new Date('2025-10-20T10:59:00Z'))).toBe('2025-W42');
    expect(latestDueWeek(new Date('2025-10-20T10:59:00Z'))).toBe('2025-W41');
    expect(latestDueWeek(new Date('2025-10-20T11:00:00Z'))).toBe('2025-W42');
    // Sunday 23:30 Eastern is still that week, though it is Monday in UTC.
    expect(lastCompleteWeek(new Date('2025-10-20T03:30:00Z'))).toBe('2025-W41');
    // 07:00 EST after the November DST change is 12:00Z.
    expect(reportDueAt('2025-W45').toISOString()).toBe('2025-11-10T12:00:00.000Z');
  });
});
