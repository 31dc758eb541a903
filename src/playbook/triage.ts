/** Triage: urgency × impact -> level 1-4. */
import type { Question, Triage } from './schema.js';

export type Grade = 'low' | 'medium' | 'high';
const GRADES: Grade[] = ['low', 'medium', 'high'];

export interface TriageResult {
  urgency: Grade;
  impact: Grade;
  level: 1 | 2 | 3 | 4;
}

/** The score (1-3) of one answer to a triage question. */
export function scoreAnswer(question: Question, answer: unknown): number {
  if (question.type === 'confirm') return answer === true || answer === 'true' || answer === 'yes' ? 3 : 1;
  const values = Array.isArray(answer) ? answer : [answer];
  let best = 1;
  for (const value of values) {
    const option = question.options?.find((o) => o.value === String(value));
    if (option?.score) best = Math.max(best, option.score);
  }
  return best;
}

export function gradeOf(questions: Question[], answers: Record<string, unknown>): Grade {
  const score = Math.max(1, ...questions.map((q) => (answers[q.id] === undefined ? 1 : scoreAnswer(q, answers[q.id]))));
  return GRADES[Math.min(3, score) - 1];
}

export function triage(spec: Triage, answers: Record<string, unknown>): TriageResult {
  const urgency = gradeOf(spec.urgency, answers);
  const impact = gradeOf(spec.impact, answers);
  const level = spec.matrix[urgency][GRADES.indexOf(impact)] as TriageResult['level'];
  return { urgency, impact, level };
}
