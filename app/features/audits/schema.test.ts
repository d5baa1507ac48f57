import { describe, expect, it } from "vitest";
import { parseAnswer, questionValues } from "./schema";

const topics = ["topic:spreadsheets", "entrecomp:1.1"];
const isLanguage = (code: string) => ["en", "el"].includes(code);

describe("parseAnswer", () => {
  it("reads ticked topics by index with their urgency and formats, and languages once", () => {
    const read = parseAnswer(
      {
        tick: ["1"],
        urgency_1: "quarter",
        formats_1: ["peer_session", "peer_session", "online_live"],
        // Fields of topics not ticked are ignored.
        urgency_0: "month",
        languages: ["el", "en"],
        open_q1: "  Time.  ",
        open_q2: "",
      },
      topics,
      ["q1", "q2"],
      isLanguage,
    );
    expect(read).toEqual({
      ok: true,
      answer: {
        ticked: [
          { topic: "entrecomp:1.1", urgency: "quarter", formats: ["peer_session", "online_live"] },
        ],
        languages: ["el", "en"],
        open: [{ questionId: "q1", text: "Time." }],
      },
    });
  });

  it("names each missing or bad field", () => {
    const read = parseAnswer(
      { tick: ["0", "7"], urgency_0: "soon", languages: "xx" },
      topics,
      [],
      isLanguage,
    );
    expect(read).toEqual({
      ok: false,
      errors: {
        tick: "audits.unknownTopic",
        urgency_0: "audits.urgencyRequired",
        formats_0: "audits.formatsRequired",
        languages: "audits.languagesRequired",
      },
    });
  });

  it("refuses an empty answer and an open answer that is too long", () => {
    expect(parseAnswer({}, topics, ["q"], isLanguage)).toEqual({
      ok: false,
      errors: { form: "audits.answerEmpty" },
    });
    expect(parseAnswer({ open_q: "x".repeat(2001) }, topics, ["q"], isLanguage)).toEqual({
      ok: false,
      errors: { open_q: "audits.openTooLong" },
    });
  });
});

describe("questionValues", () => {
  it("joins ticked curated topics and typed keys, once each", () => {
    expect(
      questionValues({
        kind: "topics",
        prompt: "Which?",
        topics: ["topic:spreadsheets"],
        otherTopics: "entrecomp:1.1\r\n\n topic:spreadsheets ",
      }),
    ).toEqual({
      kind: "topics",
      prompt: "Which?",
      topics: ["topic:spreadsheets", "entrecomp:1.1"],
    });
  });
});
