import { createStaticHandler, isRouteErrorResponse, type StaticHandlerContext } from "react-router";
import { describe, expect, it } from "vitest";
import { forbidden, handleAction, handleLoader, tooMany } from "./errors";

/**
 * The mapping as React Router itself reads it: a refused action answers the form with its
 * status and payload; a refused loader reaches the error boundary as a route error response.
 */
const handler = createStaticHandler([
  {
    id: "page",
    path: "/",
    loader: () =>
      handleLoader(async () => {
        throw forbidden("networks.membersOnly");
      }),
    action: () =>
      handleAction(
        async () => {
          throw tooMany("posts.tooFast", { retryAfterSeconds: 60, field: "body" });
        },
        { body: "typed" },
      ),
  },
]);

async function query(init?: RequestInit) {
  const context = await handler.query(new Request("http://synergy.test/", init));
  if (context instanceof Response) throw new Error(`unexpected response ${context.status}`);
  return context as StaticHandlerContext;
}

describe("DomainError through React Router", () => {
  it("a refused action answers the form with the status, payload and headers", async () => {
    const context = await query({ method: "POST", body: new URLSearchParams({ x: "1" }) });
    expect(context.statusCode).toBe(429);
    expect(context.actionData?.page).toEqual({
      ok: false,
      message: "posts.tooFast",
      errors: { body: "posts.tooFast" },
      body: "typed",
    });
    expect(new Headers(context.actionHeaders.page).get("Retry-After")).toBe("60");
  });

  it("a refused loader reaches the error boundary with its status and message key", async () => {
    const context = await query();
    expect(context.statusCode).toBe(403);
    const error = context.errors?.page;
    expect(isRouteErrorResponse(error)).toBe(true);
    expect(error).toMatchObject({ status: 403, data: { messageKey: "networks.membersOnly" } });
  });
});
