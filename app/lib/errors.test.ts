import { redirect } from "react-router";
import { describe, expect, it } from "vitest";
import {
  conflict,
  DomainError,
  forbidden,
  handleAction,
  handleLoader,
  httpError,
  invalid,
  isDomainError,
  messageValuesOf,
  notFound,
  toActionFailure,
  toHttpError,
  tooLarge,
  tooMany,
} from "./errors";

/** What a `data()` answer carries, read the way React Router reads it. */
function unpack(value: unknown) {
  const { data, init } = value as { data: unknown; init: ResponseInit | null };
  return { body: data, status: init?.status, headers: new Headers(init?.headers) };
}

async function caught(work: () => Promise<unknown>) {
  try {
    await work();
  } catch (error) {
    return error;
  }
  throw new Error("expected a throw");
}

describe("DomainError factories", () => {
  it.each([
    [invalid("form.invalid", "body"), 400, "form.invalid", "body"],
    [invalid(), 400, "errors.badRequest", undefined],
    [forbidden("networks.facilitatorsOnly"), 403, "networks.facilitatorsOnly", undefined],
    [forbidden(), 403, "errors.forbidden", undefined],
    [notFound("posts.notFound"), 404, "posts.notFound", undefined],
    [conflict("auth.emailTaken", "email"), 409, "auth.emailTaken", "email"],
    [tooLarge("upload.tooLarge", "file"), 413, "upload.tooLarge", "file"],
    [tooMany(), 429, "errors.tooMany", undefined],
  ] as Array<[DomainError, number, string, string | undefined]>)(
    "%# carries status, key and field",
    (error, status, messageKey, field) => {
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toBeInstanceOf(Error);
      expect(isDomainError(error)).toBe(true);
      expect({ status: error.status, messageKey: error.messageKey, field: error.field }).toEqual({
        status,
        messageKey,
        field,
      });
    },
  );

  it("tells domain errors from everything else", () => {
    expect(isDomainError(new Error("bug"))).toBe(false);
    expect(isDomainError(httpError(404))).toBe(false);
    expect(isDomainError({ status: 403, messageKey: "errors.forbidden" })).toBe(false);
  });
});

describe("one mapping to HTTP", () => {
  it("toHttpError answers the status with the message key only", () => {
    const { body, status } = unpack(toHttpError(notFound("networks.notFound")));
    expect(status).toBe(404);
    expect(body).toEqual({ messageKey: "networks.notFound" });
  });

  it("a 429 says when to try again", () => {
    const error = tooMany("auth.tooManyAttempts", {
      retryAfterSeconds: 299.2,
      values: { minutes: 5 },
    });
    expect(unpack(toHttpError(error)).headers.get("Retry-After")).toBe("300");
    const failure = unpack(toActionFailure(error));
    expect(failure.headers.get("Retry-After")).toBe("300");
    expect(failure.body).toMatchObject({ messageValues: { minutes: 5 } });
  });

  it("a failure names its field beside the banner message, and keeps what the form re-shows", () => {
    const { body, status } = unpack(
      toActionFailure(invalid("upload.unsupported", "file"), { body: "typed text" }),
    );
    expect(status).toBe(400);
    expect(body).toEqual({
      ok: false,
      message: "upload.unsupported",
      errors: { file: "upload.unsupported" },
      body: "typed text",
    });
  });

  it("the failure's own fields win over what the form passes along", () => {
    const { body } = unpack(toActionFailure(forbidden(), { ok: true, message: "forged" }));
    expect(body).toMatchObject({ ok: false, message: "errors.forbidden", errors: {} });
  });
});

describe("handleAction", () => {
  it("returns the work's answer when nothing is refused", async () => {
    await expect(handleAction(async () => ({ ok: true }))).resolves.toEqual({ ok: true });
  });

  it("turns a refusal into the form's failure with its status", async () => {
    const answer = await handleAction(
      async () => {
        throw conflict("networks.full");
      },
      { body: "hello" },
    );
    const { body, status } = unpack(answer);
    expect(status).toBe(409);
    expect(body).toEqual({ ok: false, message: "networks.full", errors: {}, body: "hello" });
  });

  it("lets responses (redirects, httpError) and bugs through untouched", async () => {
    const go = redirect("/elsewhere");
    expect(await caught(() => handleAction(async () => Promise.reject(go)))).toBe(go);
    const refused = httpError(403);
    expect(await caught(() => handleAction(async () => Promise.reject(refused)))).toBe(refused);
    const bug = new TypeError("undefined is not a function");
    expect(await caught(() => handleAction(async () => Promise.reject(bug)))).toBe(bug);
  });
});

describe("handleLoader", () => {
  it("throws a refusal as the HTTP error the boundary renders", async () => {
    const thrown = await caught(() =>
      handleLoader(async () => {
        throw forbidden("networks.membersOnly");
      }),
    );
    expect(isDomainError(thrown)).toBe(false);
    const { body, status } = unpack(thrown);
    expect(status).toBe(403);
    expect(body).toEqual({ messageKey: "networks.membersOnly" });
  });

  it("passes answers and other errors through", async () => {
    await expect(handleLoader(async () => 42)).resolves.toBe(42);
    const bug = new Error("bug");
    expect(await caught(() => handleLoader(async () => Promise.reject(bug)))).toBe(bug);
  });
});

describe("messageValuesOf", () => {
  it("reads a failure's figures, and nothing from any other answer", async () => {
    const failure = await handleAction(
      async () => {
        throw tooMany("auth.tooManyAttempts", { values: { minutes: 7 }, field: "form" });
      },
      { email: "a@example.org" },
    );
    expect(messageValuesOf(failure.data)).toEqual({ minutes: 7 });
    expect(messageValuesOf({ errors: {}, email: "a@example.org" })).toEqual({});
    expect(messageValuesOf(undefined)).toEqual({});
  });
});
