/** Scores the knowledge service against the question set (used by the accuracy test and the bench). */
import type { Answer, Knowledge } from '../../src/knowledge/index.js';
import type { Tag, TestQuestion } from './questions.js';

export interface Graded {
  question: TestQuestion;
  answer: Answer;
  correct: boolean;
  /** The answer's language is the question's. */
  languageOk: boolean;
}

const LANGUAGE_CHECKED = new Set(['glossary', 'comparison', 'not_found', 'segment', 'betreuungsmodell', 'company']);

export function grade(question: TestQuestion, answer: Answer): Graded {
  const e = question.expect;
  let correct = false;
  switch (e.kind) {
    case 'glossary':
      correct = answer.kind === 'glossary' && e.ids.includes(answer.entry.id);
      break;
    case 'comparison':
      correct = answer.kind === 'comparison' && answer.termIds.join() === e.ids.join();
      break;
    case 'not_found':
      correct = answer.kind === 'not_found';
      break;
    case 'segment':
      correct =
        answer.kind === 'segment' &&
        answer.result.segment === e.segment &&
        (e.conflict === undefined || answer.result.conflict === e.conflict);
      break;
    case 'betreuungsmodell':
      correct =
        answer.kind === 'betreuungsmodell' &&
        answer.result.model === (e.model === null ? null : modelOf(e.model)) &&
        (e.closest === undefined || answer.termIds[0] === e.closest);
      break;
    case 'company':
      correct =
        answer.kind === 'company' &&
        (answer.result?.segment ?? null) === e.segment &&
        (e.id === undefined || answer.company.id === e.id);
      break;
    case 'company_choice':
    case 'company_not_found':
    case 'help':
      correct = answer.kind === e.kind;
      break;
    case 'command':
      correct = answer.kind === 'command' && answer.command === e.command;
      break;
  }
  const languageOk = !LANGUAGE_CHECKED.has(answer.kind) || answer.locale === question.lang;
  return { question, answer, correct, languageOk };
}

/** Glossary ids in the question set name the Betreuungsmodell by its entry; the result uses the model code. */
function modelOf(termId: string): string {
  return termId.replace('betreuungsmodell-', '').replace('-', '_').toUpperCase();
}

export async function evaluate(knowledge: Knowledge, questions: TestQuestion[]): Promise<Graded[]> {
  const graded: Graded[] = [];
  for (const q of questions) graded.push(grade(q, await knowledge.ask(q.q)));
  return graded;
}

export function accuracyByTag(
  graded: Graded[],
): Array<{ tag: Tag | 'all'; correct: number; total: number; accuracy: number }> {
  const tags = [...new Set(graded.map((g) => g.question.tag))];
  const row = (tag: Tag | 'all', list: Graded[]) => {
    const correct = list.filter((g) => g.correct && g.languageOk).length;
    return { tag, correct, total: list.length, accuracy: list.length ? correct / list.length : 0 };
  };
  return [
    ...tags.map((t) =>
      row(
        t,
        graded.filter((g) => g.question.tag === t),
      ),
    ),
    row('all', graded),
  ];
}
