import { describe, expect, it } from "vitest";
import { httpError } from "~/lib/errors";
import { catalogues } from "./catalogue.server";
import { createTranslator, type MessageKey } from "./i18n";

// These checks run in `tsc --noEmit` (npm run typecheck): each @ts-expect-error fails the type
// check if the line below it stops being an error, so a loosened MessageKey cannot go unnoticed.
const t = createTranslator("en", catalogues.en);

describe("message keys typed from the English catalogue", () => {
  it("accepts catalogue keys, templates that match keys, and strings from data", () => {
    const role: string = "educator";
    const fromData: string = "admin.actions";
    expect(t("admin.actions")).toBe(catalogues.en["admin.actions"]);
    expect(t(`role.${role}`)).toBe(catalogues.en["role.educator"]);
    expect(t(fromData)).toBe(catalogues.en["admin.actions"]);
    const key: MessageKey = "errors.notFound";
    expect(t(key)).toBe(catalogues.en["errors.notFound"]);
  });

  it("refuses keys the catalogue does not have", () => {
    const role: string = "educator";
    // @ts-expect-error a misspelt key
    expect(t("admin.grnt")).toBe("admin.grnt");
    // @ts-expect-error a template whose fixed part matches no key
    expect(t(`rol.${role}`)).toBe("rol.educator");
    // @ts-expect-error httpError takes only catalogue keys
    httpError(404, "errors.notFund");
    // @ts-expect-error nor a MessageKey made up from nothing
    const made: MessageKey = "nothing.here";
    expect(made).toBe("nothing.here");
  });
});
