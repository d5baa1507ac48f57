import type { StoredQuestion } from "~/db/schema/learning";

/** A quiz as the learner sees it: no word on which options are right. */
export type QuizQuestionView = { prompt: string; options: string[]; multiple: boolean };

export function quizView(questions: readonly StoredQuestion[]): QuizQuestionView[] {
  return questions.map((q) => ({
    prompt: q.prompt,
    options: q.options.map((o) => o.text),
    multiple: q.multiple,
  }));
}

export type QuizResult = {
  score: number;
  maxScore: number;
  passed: boolean;
  perQuestion: { correct: boolean; feedback: string }[];
};

/**
 * Reads posted answers (`q<index>` → option indexes) against the quiz. Returns null when the
 * answers are tampered with: a question that does not exist, an index that is not a whole number
 * or out of range, a single-choice question with more than one option, a repeated option.
 */
export function readAnswers(
  questions: readonly StoredQuestion[],
  form: Record<string, unknown>,
): number[][] | null {
  const answers: number[][] = questions.map(() => []);
  for (const [key, raw] of Object.entries(form)) {
    const match = /^q(\d{1,3})$/.exec(key);
    if (!match) {
      if (/^q/.test(key)) return null;
      continue;
    }
    const index = Number(match[1]);
    const question = questions[index];
    if (!question) return null;
    const values = Array.isArray(raw) ? raw : [raw];
    for (const value of values) {
      if (typeof value !== "string" || !/^\d{1,3}$/.test(value)) return null;
      const option = Number(value);
      if (option >= question.options.length) return null;
      if (answers[index]!.includes(option)) return null;
      answers[index]!.push(option);
    }
    if (!question.multiple && answers[index]!.length > 1) return null;
  }
  return answers.map((list) => list.sort((a, b) => a - b));
}

/** One point a question, given for all and only the right options; passed at `passMark` %. */
export function scoreQuiz(
  questions: readonly StoredQuestion[],
  answers: readonly number[][],
  passMark: number,
): QuizResult {
  const perQuestion = questions.map((question, index) => {
    const ticked = new Set(answers[index] ?? []);
    const correct = question.options.every((option, i) => option.correct === ticked.has(i));
    return { correct, feedback: question.feedback };
  });
  const score = perQuestion.filter((q) => q.correct).length;
  const maxScore = questions.length;
  return {
    score,
    maxScore,
    passed: maxScore > 0 && score * 100 >= passMark * maxScore,
    perQuestion,
  };
}
