import { describe, expect, it } from "vitest";
import type { StoredQuestion } from "~/db/schema/learning";
import { quizView, readAnswers, scoreQuiz } from "./quiz";

const quiz: StoredQuestion[] = [
  {
    prompt: "One?",
    options: [
      { text: "a", correct: false },
      { text: "b", correct: true },
    ],
    feedback: "b.",
    multiple: false,
  },
  {
    prompt: "Many?",
    options: [
      { text: "a", correct: true },
      { text: "b", correct: false },
      { text: "c", correct: true },
    ],
    feedback: "a and c.",
    multiple: true,
  },
];

describe("quiz", () => {
  it("shows no right answers", () => {
    expect(JSON.stringify(quizView(quiz))).not.toContain("correct");
  });

  it("reads answers and ignores other fields", () => {
    expect(readAnswers(quiz, { q0: "1", q1: ["2", "0"], submissionKey: "x" })).toEqual([
      [1],
      [0, 2],
    ]);
    expect(readAnswers(quiz, {})).toEqual([[], []]);
  });

  it.each([
    ["an index out of range", { q0: "2" }],
    ["a question that does not exist", { q2: "0" }],
    ["a negative index", { q0: "-1" }],
    ["not a number", { q0: "b" }],
    ["two options on a single-choice question", { q0: ["0", "1"] }],
    ["an option twice", { q1: ["0", "0"] }],
    ["a strange question key", { qx: "0" }],
  ])("refuses %s", (_, form) => {
    expect(readAnswers(quiz, form)).toBeNull();
  });

  it("scores all and only the right options", () => {
    expect(scoreQuiz(quiz, [[1], [0, 2]], 70)).toMatchObject({
      score: 2,
      maxScore: 2,
      passed: true,
    });
    expect(scoreQuiz(quiz, [[1], [0, 1, 2]], 70)).toMatchObject({ score: 1, passed: false });
    expect(scoreQuiz(quiz, [[1], [0]], 50)).toMatchObject({ score: 1, passed: true });
    expect(scoreQuiz(quiz, [[0], []], 1).perQuestion).toEqual([
      { correct: false, feedback: "b." },
      { correct: false, feedback: "a and c." },
    ]);
  });
});
