// The four formats of the weekly report, all rendered from one ReportModel.

import type { ReportModel } from '../model.ts';
import { renderCsv } from './csv.ts';
import { renderHtml } from './html.ts';
import { renderJson } from './json.ts';
import { renderMarkdown } from './markdown.ts';
import type { RenderOptions } from './options.ts';

export const REPORT_FORMATS = ['json', 'md', 'html', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const CONTENT_TYPES: Record<ReportFormat, string> = {
  json: 'application/json; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  csv: 'text/csv; charset=utf-8; header=present',
};

export function renderReport(model: ReportModel, format: ReportFormat, options: RenderOptions = {}): string {
  switch (format) {
    case 'json':
      return renderJson(model);
    case 'md':
      return renderMarkdown(model, options);
    case 'html':
      return renderHtml(model, options);
    case 'csv':
      return renderCsv(model, options);
  }
}

export type { RenderOptions };
