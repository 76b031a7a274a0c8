// US federal holidays and EDGAR business days, against the holiday lists OPM publishes
// (opm.gov/policy-data-oversight/pay-leave/federal-holidays) for the years written out below.
import { describe, expect, it } from 'vitest';
import {
  addBusinessDays,
  businessDaysBetween,
  federalHolidayOn,
  federalHolidays,
  isBusinessDay,
  nextBusinessDay,
  previousBusinessDay,
} from '../../src/calendar/index.ts';

const dates = (year: number) => federalHolidays(year).map((h) => h.date);

describe('US federal holidays', () => {
  it('are the eleven days of OPM 2025 list', () => {
    expect(dates(2025)).toEqual([
      '2025-01-01', '2025-01-20', '2025-02-17', '2025-05-26', '2025-06-19', '2025-07-04',
      '2025-09-01', '2025-10-13', '2025-11-11', '2025-11-27', '2025-12-25',
    ]);
  });

  it('are the eleven days of OPM 2026 list, Independence Day on a Saturday observed the Friday before', () => {
    expect(dates(2026)).toEqual([
      '2026-01-01', '2026-01-19', '2026-02-16', '2026-05-25', '2026-06-19', '2026-07-03',
      '2026-09-07', '2026-10-12', '2026-11-11', '2026-11-26', '2026-12-25',
    ]);
    expect(federalHolidayOn('2026-07-03')).toEqual({ date: '2026-07-03', name: 'Independence Day', actual: '2026-07-04' });
  });

  it('are OPM 2024 list, with the floating Mondays and Thanksgiving where they fell', () => {
    expect(dates(2024)).toEqual([
      '2024-01-01', '2024-01-15', '2024-02-19', '2024-05-27', '2024-06-19', '2024-07-04',
      '2024-09-02', '2024-10-14', '2024-11-11', '2024-11-28', '2024-12-25',
    ]);
  });

  it('move a Sunday holiday to the Monday after (Juneteenth and Christmas 2022, New Year 2023)', () => {
    expect(dates(2022)).toEqual([
      '2022-01-17', '2022-02-21', '2022-05-30', '2022-06-20', '2022-07-04',
      '2022-09-05', '2022-10-10', '2022-11-11', '2022-11-24', '2022-12-26',
    ]);
    expect(federalHolidayOn('2023-01-02')).toMatchObject({ name: "New Year's Day", actual: '2023-01-01' });
  });

  it("observe a Saturday New Year's Day on December 31 of the year before", () => {
    expect(federalHolidayOn('2021-12-31')).toEqual({ date: '2021-12-31', name: "New Year's Day", actual: '2022-01-01' });
    expect(dates(2021).at(-1)).toBe('2021-12-31');
    expect(federalHolidayOn('2022-01-01')).toBeUndefined();
    // Christmas and New Year's Day 2028 both fall on a Saturday.
    expect(dates(2027).slice(-2)).toEqual(['2027-12-24', '2027-12-31']);
  });

  it('count Juneteenth from 2022 on', () => {
    expect(federalHolidayOn('2021-06-18')).toBeUndefined();
    expect(federalHolidayOn('2021-06-19')).toBeUndefined();
    expect(federalHolidayOn('2023-06-19')?.name).toBe('Juneteenth National Independence Day');
  });
});

describe('EDGAR business days', () => {
  it('skip weekends and holidays', () => {
    expect(isBusinessDay('2025-11-26')).toBe(true);
    expect(isBusinessDay('2025-11-27')).toBe(false); // Thanksgiving
    expect(isBusinessDay('2025-11-29')).toBe(false); // Saturday
    expect(businessDaysBetween('2024-05-23', '2024-05-29')).toEqual(['2024-05-23', '2024-05-24', '2024-05-28', '2024-05-29']);
    expect(businessDaysBetween('2024-03-28', '2024-04-02')).toEqual(['2024-03-28', '2024-03-29', '2024-04-01', '2024-04-02']);
  });

  it('step over weekends and holidays both ways', () => {
    expect(nextBusinessDay('2024-05-24')).toBe('2024-05-28'); // Friday → Tuesday after Memorial Day
    expect(previousBusinessDay('2024-05-28')).toBe('2024-05-24');
    expect(previousBusinessDay('2024-04-01')).toBe('2024-03-29');
    expect(previousBusinessDay('2024-04-03')).toBe('2024-04-02');
    expect(previousBusinessDay('2025-01-02')).toBe('2024-12-31');
  });

  it('count Item 1.05 four business days past a weekend and a holiday', () => {
    // Determined material on Wednesday 2025-11-26: Thanksgiving and the weekend do not count.
    expect(addBusinessDays('2025-11-26', 4)).toBe('2025-12-03');
    // Determined on a Saturday: the count starts with the Monday, and passes over Juneteenth.
    expect(addBusinessDays('2025-06-14', 4)).toBe('2025-06-20');
    expect(addBusinessDays('2025-06-16', 4)).toBe('2025-06-23'); // Juneteenth (Thursday) skipped
    expect(addBusinessDays('2025-06-23', -4)).toBe('2025-06-16');
    expect(addBusinessDays('2025-06-14', 0)).toBe('2025-06-14');
  });
});
