// EDGAR writes Eastern wall time: offsets must follow EST/EDT, including across the switch days.
import { describe, expect, it } from 'vitest';
import { formatAcceptanceDateTime, parseAcceptanceDateTime, toEasternIso, toFeedTitleDate } from '../../src/calendar/index.ts';

describe('Eastern time', () => {
  it('reads the UnitedHealth acceptance time (winter) as EST, UTC-5', () => {
    expect(new Date(parseAcceptanceDateTime('20240222160847')).toISOString()).toBe('2024-02-22T21:08:47.000Z');
  });

  it('matches the submissions JSON instant for the Microsoft 8-K (EDGAR.md: 163935 Eastern = 21:39:35Z)', () => {
    expect(new Date(parseAcceptanceDateTime('20240119163935')).toISOString()).toBe('2024-01-19T21:39:35.000Z');
  });

  it('reads a summer acceptance time as EDT, UTC-4, and writes it back with -04:00', () => {
    const ms = parseAcceptanceDateTime('20250626171500');
    expect(new Date(ms).toISOString()).toBe('2025-06-26T21:15:00.000Z');
    expect(toEasternIso(ms)).toBe('2025-06-26T17:15:00-04:00');
    expect(toFeedTitleDate(ms)).toBe('Thu, 26 Jun 2025 17:15:00 EDT');
  });

  it('switches offset at 2 a.m. on the DST days', () => {
    // 2024-03-10: 01:59:59 EST is followed by 03:00:00 EDT.
    expect(toEasternIso(Date.parse('2024-03-10T06:59:59Z'))).toBe('2024-03-10T01:59:59-05:00');
    expect(toEasternIso(Date.parse('2024-03-10T07:00:00Z'))).toBe('2024-03-10T03:00:00-04:00');
    // 2024-11-03: 01:59:59 EDT is followed by 01:00:00 EST.
    expect(toEasternIso(Date.parse('2024-11-03T05:59:59Z'))).toBe('2024-11-03T01:59:59-04:00');
    expect(toEasternIso(Date.parse('2024-11-03T06:00:00Z'))).toBe('2024-11-03T01:00:00-05:00');
  });

  it('round-trips acceptance date-times through epoch ms', () => {
    for (const v of ['20231218161530', '20240703120000', '20251231235959', '20260306161125']) {
      expect(formatAcceptanceDateTime(parseAcceptanceDateTime(v))).toBe(v);
    }
  });
});
