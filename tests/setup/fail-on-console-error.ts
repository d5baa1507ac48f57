import { afterEach, vi } from "vitest";

// A console.error during a test is a failure: it usually hides a real problem.
const errors: unknown[][] = [];
vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
  errors.push(args);
});

afterEach(() => {
  if (errors.length) {
    const seen = errors.splice(0).map((args) => args.map(String).join(" "));
    throw new Error(`console.error was called:\n${seen.join("\n")}`);
  }
});
