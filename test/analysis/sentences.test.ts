import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/analysis/sentences.ts';

const texts = (t: string): string[] => splitSentences(t).map((s) => s.text);

describe('splitSentences', () => {
  it('does not end a sentence at Inc., initials or decimal numbers', () => {
    expect(texts('Coinbase, Inc., a subsidiary of Coinbase Global, Inc. (“Coinbase”), received an email. By: /s/ John H. Montgomery signed Item 1.05 here.')).toEqual([
      'Coinbase, Inc., a subsidiary of Coinbase Global, Inc. (“Coinbase”), received an email.',
      'By: /s/ John H. Montgomery signed Item 1.05 here.',
    ]);
  });

  it('joins lines that a rendering broke in the middle of a sentence', () => {
    expect(texts('On\nAugust 25, 2025\n,\nWytec\nInternational, Inc. became aware of an incident.')).toEqual([
      'On August 25, 2025, Wytec International, Inc. became aware of an incident.',
    ]);
  });

  it('keeps a heading line apart from the paragraph under it', () => {
    expect(texts('Forward-Looking Statements\nThis report contains statements.')).toEqual(['Forward-Looking Statements', 'This report contains statements.']);
  });

  it('rejoins "no t", a split that reverses the meaning', () => {
    expect(texts('The incident is no t reasonably likely to have a material impact.')).toEqual(['The incident is not reasonably likely to have a material impact.']);
  });
});
