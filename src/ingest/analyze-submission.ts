import type { AnalysisResult, FilingRow } from '../../db/repositories/filings.ts';
import { analyze, findItemSections, htmlToText, parseSubmission } from '../analysis/index.ts';

/** Analyzes a filing's (complete or assembled) submission and picks out what the database keeps beside the analysis. */
export async function analyzeSubmission(bytes: Buffer, filing: FilingRow): Promise<AnalysisResult> {
  const analysis = await analyze(bytes, {
    source: filing.submissionUrl,
    form: filing.form,
    filedAt: filing.filedAt,
    items: filing.items,
    accessionNumber: filing.accessionNumber,
    cik: filing.cik,
    company: filing.companyName,
  });
  const submission = parseSubmission(bytes);
  const { header } = submission;
  return {
    analysis,
    item105Text: item105Text(submission),
    header: { items: header.items, acceptedAt: header.acceptedAt, sic: header.sic, state: header.state },
  };
}

/** The Item 1.05 section of the primary document (the first document of the filing's own form). */
function item105Text(submission: ReturnType<typeof parseSubmission>): string | null {
  const form = submission.header.form;
  const primary = submission.documents.find((d) => d.text && d.type === form) ?? submission.documents.find((d) => d.text);
  if (!primary?.text) return null;
  const text = /<html|<body|<p[\s>]|<div[\s>]/i.test(primary.text) ? htmlToText(primary.text) : primary.text;
  const section = findItemSections(text).find((s) => s.item === '1.05');
  return section ? section.text.trim() || null : null;
}
