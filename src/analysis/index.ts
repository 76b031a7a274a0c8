// Public API of the analysis core.

export { analyze, analyzeFiling, type AnalysisContext, type FiledHeader, type FilingAnalysis, type Stage, type StageTimer } from './analyze.ts';
export { ANALYZER_VERSION } from './version.ts';
export { parseSubmission, type Submission, type SubmissionHeader, type SubmissionDocument, type Filer } from './submission.ts';
export { htmlToText } from './html-text.ts';
export { UnreadableDocumentError } from './documents.ts';
export { UnreadableInputError } from './input.ts';
export { findItemSections, type ItemSection } from './items.ts';
export { extractCydFacts, type CydFact } from './xbrl-cyd.ts';
export type * from './types.ts';
