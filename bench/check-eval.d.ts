/** Types of bench/check-eval.js, for the test that runs it over the sources. */
export const CORPUS: string;

export interface RuleScore {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
}

export interface DetectionScore {
  correct: number;
  total: number;
  misses: string[];
}

export interface EvaluationReport {
  statements: number;
  rules: Record<string, RuleScore>;
  detection: { kind: DetectionScore; lang: DetectionScore };
  details: { file: string; expected: string[]; found: string[]; findings: string[] }[];
}

export function evaluate(api: Record<string, unknown>, corpus?: string): EvaluationReport;
