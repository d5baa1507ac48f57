import { describe, expect, it } from "vitest";
import { offerColumnsOf, offerFormSchema } from "./schema";

const base = {
  title: "Cash flow",
  topics: "topic:spreadsheets",
  formats: ["online_live", "face_to_face"],
  languages: "el",
  countries: ["CY"],
  onDemand: "on",
  price: "12,5",
};

describe("offerFormSchema", () => {
  it("reads single and repeated fields, a comma price, and keeps countries only face to face", () => {
    const form = offerFormSchema.parse(base);
    expect(offerColumnsOf(form)).toMatchObject({
      formats: ["online_live", "face_to_face"],
      languages: ["el"],
      countries: ["CY"],
      priceCents: 1250,
      onDemand: true,
      startsOn: null,
    });
    const online = offerFormSchema.parse({ ...base, formats: "online_live", price: "" });
    expect(offerColumnsOf(online)).toMatchObject({ countries: [], priceCents: null });
    const edges = offerFormSchema.parse({ ...base, startsOn: "1900-01-01", endsOn: "2200-12-31" });
    expect(offerColumnsOf(edges)).toMatchObject({ startsOn: "1900-01-01", endsOn: "2200-12-31" });
  });

  it.each([
    [{ onDemand: "" }, "offers.whenRequired"],
    [{ onDemand: "", startsOn: "2027-02-30" }, "offers.dateInvalid"],
    [{ startsOn: "2027-03-02", endsOn: "2027-03-01" }, "offers.endBeforeStart"],
    [{ endsOn: "2027-03-01" }, "offers.whenRequired"],
    [{ startsOn: "0000-01-01" }, "offers.dateInvalid"],
    [{ startsOn: "1899-12-31" }, "offers.dateInvalid"],
    [{ startsOn: "2027-03-01", endsOn: "2201-01-01" }, "offers.dateInvalid"],
    [{ topics: "" }, "offers.topicsRequired"],
    [{ formats: "fax" }, "offers.formatsRequired"],
    [{ price: "-3" }, "offers.priceInvalid"],
  ])("refuses %o with %s", (overrides, key) => {
    const result = offerFormSchema.safeParse({ ...base, ...overrides });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toContain(key);
  });
});
