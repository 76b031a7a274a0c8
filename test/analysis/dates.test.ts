import { describe, expect, it } from 'vitest';
import { extractDates, findDates } from '../../src/analysis/dates.ts';
import { splitSentences } from '../../src/analysis/sentences.ts';

const values = (text: string, filedAt?: string): string[] => findDates(text, filedAt).map((d) => d.value);
const roles = (text: string, filedAt?: string): Record<string, string> =>
  Object.fromEntries(extractDates(splitSentences(text), filedAt).map((f) => [f.role, f.value]));

describe('findDates', () => {
  it('keeps the precision the filing states', () => {
    expect(values('On or about March 14, 2024, the actor')).toEqual(['2024-03-14']);
    expect(values('in December 2024')).toEqual(['2024-12']);
    expect(values('In early September 2025, the Company')).toEqual(['2025-09']);
    expect(values('beginning in late November 2023')).toEqual(['2023-11']);
    expect(values('early in 2025')).toEqual(['2025']);
    expect(values('on 14 March 2024 and on 3/5/2024')).toEqual(['2024-03-14', '2024-03-05']);
  });

  it('resolves dates without a year against the filing date, never into the future', () => {
    expect(values('On August 25, the Company', '2025-08-29')).toEqual(['2025-08-25']);
    expect(values('On December 28, the Company', '2026-01-05')).toEqual(['2025-12-28']);
    expect(values('On August 25, the Company')).toEqual([]);
  });

  it('does not read "may" the verb, fiscal periods or amounts as dates', () => {
    expect(values('the Company may 5 times')).toEqual([]);
    expect(values('for the fourth quarter of fiscal 2025 and fiscal 2026')).toEqual([]);
    expect(values('in 2026 second-quarter guidance')).toEqual([]);
  });

  it('rejects impossible days', () => {
    expect(values('On February 30, 2024')).toEqual([]);
  });
});

describe('extractDates', () => {
  it('assigns detection to the verb that follows an opening date', () => {
    expect(roles('On November 29, 2024, Krispy Kreme, Inc. (the “Company”) was notified regarding unauthorized activity.')).toEqual({ detected: '2024-11-29' });
  });

  it('assigns the start of access from "beginning" next to the date', () => {
    expect(roles('On February 5, 2024, we detected that, beginning February 4, 2024, a threat actor had gained unauthorized access.')).toEqual({
      detected: '2024-02-05',
      began: '2024-02-04',
    });
  });

  it('reads a date after its verb', () => {
    expect(roles('SouthState Bank detected what was determined to be a cybersecurity incident on February 6, 2024.')).toEqual({ detected: '2024-02-06' });
  });

  it('tells a materiality determination from a detection', () => {
    expect(roles('On April 6, 2026, the Company nevertheless determined that the incident is material.')).toEqual({ determinedMaterial: '2026-04-06' });
    expect(roles('MarineMax, Inc. determined on March 10, 2024, that it experienced a “cybersecurity incident,” whereby a third party gained access.')).toEqual({
      detected: '2024-03-10',
    });
    expect(roles('The Company has not yet determined whether the incident is material as of March 1, 2024.')).toEqual({});
  });

  it('dates containment from "no activity … since" but not from restoration', () => {
    expect(roles('No unauthorized activity or access is ongoing or has been observed since May 5, 2026.')).toEqual({ contained: '2026-05-05' });
    expect(roles('Beginning June 30, 2024, we resumed processing transactions.')).toEqual({});
  });

  it('ignores filing dates of earlier reports and dates of announcements', () => {
    expect(
      roles('As previously disclosed in a Form 8-K filed on October 16, 2024, on October 9, 2024 we identified a cybersecurity incident.'),
    ).toEqual({ detected: '2024-10-09' });
    expect(roles('On September 14, 2023, we announced that an unauthorized actor had gained access to our network.')).toEqual({});
  });

  it('treats the day an incident was experienced as the day it became known', () => {
    expect(roles('On March 1, 2025, the Registrant experienced a system outage caused by a cybersecurity incident.')).toEqual({ detected: '2025-03-01' });
  });
});
