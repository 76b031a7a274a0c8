import { describe, expect, it } from 'vitest';
import { nextDigestAt } from '../../src/alerts/digest-time.ts';
import { retryDelayMs } from '../../src/alerts/delivery.ts';
import { ALERT_MAX_ATTEMPTS } from '../../src/jobs/catalogue.ts';

describe('alert schedules', () => {
  it('puts the next digest at the local time of its zone, across a daylight-saving change', () => {
    const at = (iso: string, time: string, zone: string) => nextDigestAt(new Date(iso), time, zone).toISOString();
    expect(at('2026-03-07T11:00:00Z', '07:00', 'America/New_York')).toBe('2026-03-07T12:00:00.000Z');
    // 07:00 on the 7th has passed; the 8th is the first day of EDT.
    expect(at('2026-03-07T12:00:00Z', '07:00', 'America/New_York')).toBe('2026-03-08T11:00:00.000Z');
    expect(at('2026-11-01T10:30:00Z', '07:00', 'America/New_York')).toBe('2026-11-01T12:00:00.000Z');
    expect(at('2026-06-30T23:30:00Z', '07:00', 'Asia/Tokyo')).toBe('2026-07-01T22:00:00.000Z');
    expect(at('2026-06-30T21:30:00Z', '07:00', 'Asia/Tokyo')).toBe('2026-06-30T22:00:00.000Z');
    expect(at('2026-12-31T23:59:00Z', '00:00', 'UTC')).toBe('2027-01-01T00:00:00.000Z');
  });

  it('retries after 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h, each within ±20 %', () => {
    const middle = Array.from({ length: ALERT_MAX_ATTEMPTS - 1 }, (_, i) => retryDelayMs(i + 1, () => 0.5));
    expect(middle).toEqual([5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000]);
    expect(retryDelayMs(2, () => 0)).toBe(240_000);
    expect(retryDelayMs(2, () => 0.999_999)).toBeLessThanOrEqual(360_000);
    expect(ALERT_MAX_ATTEMPTS).toBe(8);
  });
});
