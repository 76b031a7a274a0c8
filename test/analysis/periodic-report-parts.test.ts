// A 10-Q numbers its items again in each part: Part I Item 1 "Financial Statements" and Part II
// Item 1 "Legal Proceedings", Part I Item 2 "Management's Discussion and Analysis" and Part II
// Item 2 "Unregistered Sales of Equity Securities". Sections are told apart by their part, so that
// Part II's text (the litigation over an incident, Item 5 "Other Information") is read and not
// dropped as a repeat of Part I's heading. The part lines and headings are K12's 10-Q for the
// quarter ended December 31, 2020 and Progress Software's 10-Q note of July 2023 as filed; the
// incident sentences of Part II are written.

import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/index.ts';
import { findItemSections } from '../../src/analysis/items.ts';

const note =
  'Cyber Related Matters\nNovember 2022 Cyber Incident\nFollowing the detection of irregular activity on certain portions of our corporate network, we engaged outside cybersecurity experts and other incident response professionals to conduct a forensic investigation and assess the extent and scope of the cyber incident.';
const financials = `Item 1. Financial Statements\n${'Revenues were $1,046.9 million for the six months ended December 31, 2020. '.repeat(4)}`;
const mdna = `Item 2. Management’s Discussion and Analysis of Financial Condition and Results of Operations\n${'Revenues increased compared with the prior year period. '.repeat(4)}`;
const legal =
  'Item 1. Legal Proceedings.\nIn the ordinary conduct of our business, we are subject to lawsuits, arbitrations and administrative proceedings from time to time.';

describe('items of a 10-Q by part', () => {
  it('keeps Part II’s Item 1 and Item 2 beside Part I’s (K12’s headings)', () => {
    const text = `PART I. FINANCIAL INFORMATION\n${financials}\n${mdna}\nPart II. Other Information\n${legal}\nItem 1A. Risk Factors\nThere have been no material changes.\nItem 2. Unregistered Sales of Equity Securities and Use of Proceeds\nNone.`;
    expect(findItemSections(text).map((s) => [s.part, s.item, s.title])).toEqual([
      ['I', '1', 'Financial Statements'],
      ['I', '2', 'Management’s Discussion and Analysis of Financial Condition and Results of Operations'],
      ['II', '1', 'Legal Proceedings'],
      ['II', '1A', 'Risk Factors'],
      ['II', '2', 'Unregistered Sales of Equity Securities and Use of Proceeds'],
    ]);
  });

  it('reads an incident told only in Part II, Item 1 (the litigation over it) or Item 5', async () => {
    const lawsuit =
      'On January 4, 2021, a putative class action was filed against the Company relating to the ransomware attack the Company detected on November 14, 2020, in which a threat actor exfiltrated certain student data from its systems.';
    for (const partII of [`${legal} ${lawsuit}`, `Item 5. Other Information\n${lawsuit}`]) {
      const a = await analyze(`PART I. FINANCIAL INFORMATION\n${financials}\n${mdna}\nPart II. Other Information\n${partII}`, { form: '10-Q', filedAt: '2021-01-27' });
      expect(a.incident).toBe(true);
      expect(a.evidence.incident).toBe(lawsuit);
      expect(a.flags.ransomware).toBe(true);
    }
  });

  it('still reads the note of Part I when Part II’s Item 1 says nothing of it (Progress Software’s “November 2022 Cyber Incident”)', async () => {
    const a = await analyze(`PART I. FINANCIAL INFORMATION\nItem 1. Financial Statements\n${note}\nPart II. Other Information\n${legal}`, { form: '10-Q', filedAt: '2023-07-10' });
    expect(a.incident).toBe(true);
    expect(a.evidence.incident).toMatch(/^Following the detection of irregular activity on certain portions of our corporate network/);
  });

  it('still drops a table of contents, with or without its part lines', () => {
    for (const toc of [
      'PART I. FINANCIAL INFORMATION\nItem 1. Financial Statements 3\nItem 2. Management’s Discussion and Analysis 25\nPART II. OTHER INFORMATION\nItem 1. Legal Proceedings 40',
      'Item 1. Financial Statements 3\nItem 2. Management’s Discussion and Analysis 25\nItem 1. Legal Proceedings 40',
    ]) {
      const text = `${toc}\nPART I. FINANCIAL INFORMATION\n${financials}\n${mdna}\nPart II. Other Information\n${legal}`;
      const sections = findItemSections(text);
      expect(sections.map((s) => [s.part, s.item])).toEqual([
        ['I', '1'],
        ['I', '2'],
        ['II', '1'],
      ]);
      expect(sections[0]!.text).toMatch(/^Revenues were/);
    }
  });

  it('takes no part from a sentence that names one: “Part II, Item 8 of our Annual Report …”', () => {
    const text = `${financials}\nPart II, Item 8 of our annual report on Form 10-K describes our accounting policies.\n${mdna}`;
    expect(findItemSections(text).map((s) => s.part)).toEqual([null, null]);
  });

  it('gives an 8-K’s items no part', () => {
    expect(findItemSections('Item 8.01 Other Events\nOn March 3, 2025, the Company detected an incident.').map((s) => [s.part, s.item])).toEqual([[null, '8.01']]);
  });
});
