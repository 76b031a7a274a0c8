// The template helper and the evidence highlighter, without a server.

import { describe, expect, it } from 'vitest';
import { escapeHtml, html, raw } from '../../api/dashboard/html.ts';
import { evidenceBySentence, highlightEvidence, paragraphsOf } from '../../api/dashboard/highlight.ts';
import { shortTitle } from '../../api/dashboard/format.ts';
import { deliveryLog } from '../../api/dashboard/views/subscriptions.ts';
import type { DeliveryRow, SubscriptionRow } from '../../db/repositories/subscriptions.ts';

describe('html templates', () => {
  it('escape every value: markup, both quotes and ampersands, in text and in attributes', () => {
    const name = `<script>alert("x")</script> O'Neil & Co`;
    expect(html`<a title="${name}">${name}</a>`.value).toBe(
      '<a title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; O&#39;Neil &amp; Co">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; O&#39;Neil &amp; Co</a>',
    );
  });

  it('insert nested templates and raw fragments as they are, arrays joined, null, undefined and false as nothing', () => {
    const items = ['a&b', '<i>'].map((x) => html`<li>${x}</li>`);
    expect(html`<ul>${items}</ul>${null}${undefined}${false}${0}${raw('<br>')}`.value).toBe('<ul><li>a&amp;b</li><li>&lt;i&gt;</li></ul>0<br>');
  });

  it('escape a string that looks like a template result (only real ones pass)', () => {
    const fake = { value: '<script>', toString: () => '<script>' };
    expect(html`${fake}`.value).toBe('&lt;script&gt;');
    expect(escapeHtml('&amp;')).toBe('&amp;amp;');
  });
});

describe('evidence highlighting', () => {
  it('marks each evidence sentence where it stands in the text, whitespace aside, naming its facts', () => {
    const text = 'Item 1.05.\nOn May 2, the Company   detected\nunauthorized access. It notified law enforcement.\n\nOther text.';
    const evidence = evidenceBySentence({ 'dates.detected': 'On May 2, the Company detected unauthorized access.', incident: 'On May 2, the Company detected unauthorized access.', 'flags.lawEnforcementNotified': 'It notified law enforcement.' });
    expect(evidence).toEqual([
      { sentence: 'On May 2, the Company detected unauthorized access.', facts: ['dates.detected', 'incident'] },
      { sentence: 'It notified law enforcement.', facts: ['flags.lawEnforcementNotified'] },
    ]);
    // The sentence spans a line break in the stored text; it is still found once joined.
    const joined = highlightEvidence(text.replace('detected\nunauthorized', 'detected unauthorized'), evidence);
    expect(joined.notFound).toEqual([]);
    expect(joined.text.value).toContain('<mark title="Detected, Incident" data-facts="dates.detected incident">On May 2, the Company detected unauthorized access.</mark>');
    expect(joined.text.value).toContain('<mark title="Law enforcement notified" data-facts="flags.lawEnforcementNotified">It notified law enforcement.</mark>');
    expect(joined.text.value).toContain('<p>Other text.</p>');
  });

  it('joins the lines an HTML document’s inline elements left inside a sentence, and keeps paragraphs', () => {
    expect(paragraphsOf('On\nAugust 25, 2025\n, the Company\ndetected activity.\nIt acted.\n\nItem 9.01:\nExhibits')).toEqual([
      'On August 25, 2025, the Company detected activity.',
      'It acted.',
      'Item 9.01:',
      'Exhibits',
    ]);
  });

  it('lists apart the evidence that is not in the text, and escapes text and sentences', () => {
    const evidence = evidenceBySentence({ incident: 'A <b>ransomware</b> attack & more.', 'flags.thirdParty': 'From an exhibit.' });
    const out = highlightEvidence('Before. A <b>ransomware</b> attack & more. After "quoted".', evidence);
    expect(out.text.value).toBe('<p>Before. <mark title="Incident" data-facts="incident">A &lt;b&gt;ransomware&lt;/b&gt; attack &amp; more.</mark> After &quot;quoted&quot;.</p>');
    expect(out.notFound.map((e) => e.sentence)).toEqual(['From an exhibit.']);
  });

  it('keeps one mark, naming both facts, where one sentence contains another', () => {
    const evidence = evidenceBySentence({ incident: 'The attack began in May and was contained in June.', 'dates.contained': 'contained in June' });
    const out = highlightEvidence('The attack began in May and was contained in June.', evidence);
    expect((out.text.value.match(/<mark/g) ?? []).length).toBe(1);
    expect(out.text.value).toContain('<mark title="Incident, Contained" data-facts="incident dates.contained">');
  });
});

it('an incident title drops its company name, which is shown beside it', () => {
  expect(shortTitle('ACME CORP: cybersecurity incident disclosed 2024-01-02', 'ACME CORP')).toBe('Cybersecurity incident disclosed 2024-01-02');
  expect(shortTitle('The May 2024 incident', 'ACME CORP')).toBe('The May 2024 incident');
});

describe('the delivery log', () => {
  const now = new Date('2026-12-01T12:00:00Z');
  const subscription = { id: 7, name: 'watchlist' } as SubscriptionRow;
  const pending = (nextAttemptAt: Date | null) => ({ id: 1, state: 'pending', kind: 'event', eventId: 3, attempts: 1, lastStatus: 500, lastError: null, responseExcerpt: null, lastAttemptAt: now, deliveredAt: null, nextAttemptAt }) as unknown as DeliveryRow;
  const polls = (rows: DeliveryRow[]) => deliveryLog(subscription, rows, now).value.includes('hx-trigger="load delay:1s"');

  it('asks again each second while a send is due within 30 s, and not for a retry hours away', () => {
    expect(polls([pending(null)])).toBe(true);
    expect(polls([pending(new Date(now.getTime() + 5_000))])).toBe(true);
    expect(polls([pending(new Date(now.getTime() - 5_000))])).toBe(true);
    expect(polls([pending(new Date(now.getTime() + 2 * 3600_000))])).toBe(false);
    expect(polls([{ ...pending(null), state: 'delivered' } as DeliveryRow])).toBe(false);
  });
});
