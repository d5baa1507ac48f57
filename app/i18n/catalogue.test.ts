import fs from "node:fs";
import path from "node:path";
import { type MessageFormatElement, parse, TYPE } from "@formatjs/icu-messageformat-parser";
import { IntlMessageFormat } from "intl-messageformat";
import { describe, expect, it } from "vitest";
import { catalogues } from "./catalogue.server";
import { locales, negotiateLocale } from "./i18n";

const en = catalogues.en;

/** Argument names of an ICU message ({name}, {count, plural, …}), from its parsed form. */
function placeholders(message: string): string[] {
  const names = new Set<string>();
  const walk = (nodes: MessageFormatElement[]) => {
    for (const node of nodes) {
      if ("value" in node && typeof node.value === "string" && node.type !== TYPE.literal) {
        names.add(node.value);
      }
      if ("options" in node) {
        for (const option of Object.values(node.options)) walk(option.value);
      }
    }
  };
  walk(parse(message));
  return [...names].sort();
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) && !entry.name.endsWith(".test.ts") ? [full] : [];
  });
}

describe("catalogues", () => {
  for (const locale of locales) {
    it(`${locale} has exactly the English keys, valid ICU and the same placeholders`, () => {
      const messages = catalogues[locale];
      expect(Object.keys(messages).sort()).toEqual(Object.keys(en).sort());
      for (const [key, message] of Object.entries(messages)) {
        expect(() => new IntlMessageFormat(message, locale), key).not.toThrow();
        expect(placeholders(message), key).toEqual(placeholders(en[key]));
      }
    });
  }

  for (const locale of locales.filter((l) => l !== "en")) {
    it(`${locale} is a real translation, not an English copy`, () => {
      const same = Object.keys(en).filter((key) => catalogues[locale][key] === en[key]);
      // A handful of words are the same in both (brand names, "Admin", "Online").
      expect(same.length, same.join(", ")).toBeLessThan(Object.keys(en).length * 0.05);
    });
  }

  it("has every key the source code uses", () => {
    const used = new Set<string>();
    for (const file of sourceFiles(path.resolve("app"))) {
      const text = fs.readFileSync(file, "utf8");
      for (const match of text.matchAll(/\bt\(\s*"([a-zA-Z0-9_.-]+)"/g)) used.add(match[1]);
    }
    expect(used.size).toBeGreaterThan(100);
    const missing = [...used].filter((key) => !(key in en));
    expect(missing).toEqual([]);
  });

  it("formats plurals per locale", async () => {
    const { translatorFor } = await import("./catalogue.server");
    expect(translatorFor("en")("orgs.memberCount", { count: 1 })).toBe("1 member");
    expect(translatorFor("en")("orgs.memberCount", { count: 3 })).toBe("3 members");
    expect(translatorFor("en")("orgs.memberCount", { count: 0 })).toBe("No members yet");
  });
});

describe("negotiateLocale", () => {
  it("picks the best supported language from Accept-Language", () => {
    expect(negotiateLocale("el-GR,el;q=0.9,en;q=0.8")).toBe("el");
    expect(negotiateLocale("fr-FR,fr;q=0.9,de;q=0.8,en;q=0.7")).toBe("de");
    expect(negotiateLocale("ro;q=0.2, fi;q=0.8")).toBe("fi");
    expect(negotiateLocale("xx, yy;q=0")).toBe("en");
    expect(negotiateLocale(undefined)).toBe("en");
  });
});
