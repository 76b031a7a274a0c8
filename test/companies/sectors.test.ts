import { describe, expect, it } from 'vitest';
import { SECTORS, sectorsOf } from '../../src/companies/sectors.ts';

describe('sectors', () => {
  it('puts carriers and communications equipment makers in telecom, and not broadcasters', () => {
    for (const sic of ['4812', '4813', '4899', '3661', '3663', '3669', '3576']) expect(sectorsOf(sic), sic).toContain('telecom');
    expect(sectorsOf('4833')).not.toContain('telecom');
    expect(sectorsOf('4841')).toEqual(['media']);
  });

  it('gives every sector a company’s SIC code falls in, overlapping where industries do', () => {
    // UnitedHealth: hospital & medical service plans.
    expect(sectorsOf('6324')).toEqual(['insurance', 'healthcare']);
    // NVIDIA: semiconductors, a manufacturing industry.
    expect(sectorsOf('3674')).toEqual(['semiconductors', 'manufacturing']);
    expect(sectorsOf('7372')).toEqual(['software']);
    expect(sectorsOf('6022')).toEqual(['banking']);
    expect(sectorsOf('5331')).toEqual(['retail']);
    expect(sectorsOf('1389')).toEqual(['energy']);
    expect(sectorsOf('4941')).toEqual(['utilities']);
    expect(sectorsOf('6798')).toEqual(['real-estate']);
  });

  it('gives no sector to a missing or malformed SIC code', () => {
    for (const sic of [null, undefined, '', 'abcd', '12345', '73.2']) expect(sectorsOf(sic)).toEqual([]);
  });

  it('names each sector once, with ranges of real four-digit SIC codes in order', () => {
    expect(new Set(SECTORS.map((s) => s.name)).size).toBe(SECTORS.length);
    for (const s of SECTORS) {
      expect(s.name).toMatch(/^[a-z][a-z-]*$/);
      expect(s.description.length).toBeGreaterThan(20);
      for (const [from, to] of s.ranges) {
        expect(from, s.name).toBeGreaterThanOrEqual(100);
        expect(to, s.name).toBeLessThanOrEqual(9999);
        expect(from, s.name).toBeLessThanOrEqual(to);
      }
    }
  });
});
