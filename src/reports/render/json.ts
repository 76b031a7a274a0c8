import type { ReportModel } from '../model.ts';

/** The model itself, two-space indented: object keys are in the order the model builds them. */
export function renderJson(model: ReportModel): string {
  return `${JSON.stringify(model, null, 2)}\n`;
}
