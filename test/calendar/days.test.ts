// Calendar days on the US Eastern clock: where a day starts, whatever the offset, and which day an
// instant belongs to.
import { describe, expect, it } from 'vitest';
import { addDays, assertIsoDate, easternDate, easternMidnight, easternWallTime } from '../../src/calendar/index.ts';

describe('calendar days', () => {
  it('places a filing of unknown acceptance time at midnight US Eastern, in winter and in summer', () => {
    expect(easternMidnight('2024-02-22').toISOString()).toBe('2024-02-22T05:00:00.000Z');
    expect(easternMidnight('2024-07-01').toISOString()).toBe('2024-07-01T04:00:00.000Z');
    expect(easternMidnight('2024-03-10').toISOString()).toBe('2024-03-10T05:00:00.000Z'); // the day clocks spring forward
    expect(easternWallTime('2024-03-10', 2).toISOString()).toBe('2024-03-10T07:00:00.000Z'); // 02:00 does not exist that day: 03:00 EDT
    expect(easternDate(new Date('2024-02-23T04:59:59Z'))).toBe('2024-02-22');
  });

  it('steps across months, years and leap days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
  });

  it('refuses a date that does not exist or is not written YYYY-MM-DD, naming what it is', () => {
    expect(() => assertIsoDate('2025-02-29', '--from')).toThrow('--from must be a date written YYYY-MM-DD, got "2025-02-29"');
    expect(() => assertIsoDate('2025-1-01')).toThrow(/YYYY-MM-DD/);
    expect(() => assertIsoDate('2024-02-29')).not.toThrow();
  });
});
