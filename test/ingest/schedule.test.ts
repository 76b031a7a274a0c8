import { describe, expect, it } from 'vitest';
import { feedReadOrder, isFilingHours, pollIntervalMs } from '../../src/ingest/schedule.ts';

describe('polling schedule', () => {
  it.each([
    ['2025-10-15T09:59:00Z', false, '05:59 EDT, before EDGAR opens'],
    ['2025-10-15T10:00:00Z', true, '06:00 EDT'],
    ['2025-10-15T21:35:00Z', true, '17:35 EDT, the evening other pollers miss'],
    ['2025-10-16T01:59:00Z', true, '21:59 EDT'],
    ['2025-10-16T02:00:00Z', false, '22:00 EDT, EDGAR closed'],
    ['2024-02-22T21:08:47Z', true, '16:08 EST (winter offset)'],
    ['2024-02-23T03:30:00Z', false, '22:30 EST'],
    ['2025-10-18T15:00:00Z', false, 'a Saturday'],
    ['2025-11-27T15:00:00Z', false, '10:00 EST on Thanksgiving, a federal holiday'],
    ['2025-11-26T15:00:00Z', true, '10:00 EST the day before Thanksgiving'],
    ['2026-07-03T14:00:00Z', false, '10:00 EDT on Friday 2026-07-03, Independence Day observed'],
    ['2025-11-28T15:00:00Z', true, '10:00 EST the Friday after Thanksgiving, a business day'],
  ])('at %s filing hours is %s (%s)', (at, expected) => {
    expect(isFilingHours(new Date(at))).toBe(expected);
  });

  it('polls at the configured interval in filing hours and slower outside', () => {
    const intervals = { filingHoursMs: 60_000, offHoursMs: 900_000 };
    expect(pollIntervalMs(new Date('2025-10-15T14:00:00Z'), intervals)).toBe(60_000);
    expect(pollIntervalMs(new Date('2025-10-16T05:00:00Z'), intervals)).toBe(900_000);
    expect(pollIntervalMs(new Date('2025-12-25T16:00:00Z'), intervals)).toBe(900_000); // Christmas, 11:00 EST
  });

  it('reads the feeds of periodic reports first and those of current reports (8-K, 6-K) last, keeping the configured order otherwise', () => {
    // So an 8-K's fetch does not queue behind the 10-Q and 10-K feed reads in the rate limit.
    expect(feedReadOrder(['8-K', '10-Q', '10-K'])).toEqual(['10-Q', '10-K', '8-K']);
    expect(feedReadOrder(['6-K', '8-K', '20-F', '10-K'])).toEqual(['20-F', '10-K', '6-K', '8-K']);
    expect(feedReadOrder(['8-K'])).toEqual(['8-K']);
    expect(feedReadOrder(['10-K', '10-Q'])).toEqual(['10-K', '10-Q']);
  });
});
