/**
 * Learning resources made over HTTP as people make them (issue 11): the editor's form filled
 * in, sent for review, approved and published by another educator. For integration and
 * browser tests alike.
 */
import { expect } from "vitest";
import type { TestClient } from "./app";

let counter = 0;
export function resourceForm(overrides: Record<string, string | string[]> = {}) {
  counter += 1;
  return {
    title: `Answering messages after hours ${counter}`,
    summary: "Set up an automatic reply in fifteen minutes.",
    introduction: "### Why\n\nCustomers write in the **evening**.",
    practice: "1. Open the settings\n2. Write the reply",
    reflection: "Which messages came in after closing?",
    q0Prompt: "When should the reply say you answer?",
    q0Options: "* A time the customer can trust\nNever",
    q0Feedback: "A clear time builds trust.",
    q1Prompt: "Which are good replies?",
    q1Options: "* Thanks, we answer by 9 am\n* We are closed, back tomorrow\nGo away",
    q1Feedback: "Both friendly replies give a time.",
    topics: ["topic:digital-basics"],
    eqf: "2",
    language: "en",
    minutes: "15",
    licence: "CC-BY-SA-4.0",
    videos: "https://video.example.org/auto-reply",
    coauthors: "",
    audience: "open",
    submissionKey: `res-${Date.now()}-${counter}`,
    ...overrides,
  };
}

export async function createResource(
  client: TestClient,
  overrides: Record<string, string | string[]> = {},
): Promise<string> {
  const response = await client.post("/learn/new", resourceForm(overrides));
  expect(response.status, await response.clone().text()).toBe(302);
  const id = response.headers.get("location")?.match(/\/learn\/([0-9a-f-]{36})$/)?.[1];
  if (!id) throw new Error(`no resource id in ${response.headers.get("location")}`);
  return id;
}

export function act(client: TestClient, id: string, fields: Record<string, string>) {
  return client.post(`/learn/${id}`, fields);
}

/** An educator's resource taken through review and publication by another educator. */
export async function publishResource(
  author: TestClient,
  reviewer: TestClient,
  overrides: Record<string, string | string[]> = {},
): Promise<string> {
  const id = await createResource(author, overrides);
  expect((await act(author, id, { intent: "submit" })).status).toBe(200);
  const review = await act(reviewer, id, {
    intent: "review",
    decision: "approved",
    body: "Clear and short.",
    publish: "yes",
  });
  expect(review.status, await review.clone().text()).toBe(200);
  return id;
}
