import { and, asc, desc, eq } from "drizzle-orm";
import { getDb } from "~/db/client.server";
import { legalPageVersions, users } from "~/db/schema";
import { renderMarkdown } from "~/features/content/markdown";
import type { Locale } from "~/features/taxonomy/types";
import { getEnv } from "~/lib/env.server";
import type { Decision } from "~/lib/policy";
import { defaultLegalTexts } from "./defaults";
import type { LegalPageForm, LegalPageKind } from "./schema";

/** A legal page as shown: its HTML, in which language, and since when it reads so. */
export type LegalPage = {
  kind: LegalPageKind;
  html: string;
  /** The language the text is written in (English when the asked language has none). */
  locale: Locale;
  /** True when the asked language had no text of its own and English is shown instead. */
  isFallback: boolean;
  /** When an admin last saved it; null for the text Synergy ships. */
  updatedAt: Date | null;
};

/**
 * The address people write to about their data: CONTACT_EMAIL from the config, else the
 * address of the installation's first admin.
 */
export async function legalContactEmail(): Promise<string> {
  const configured = getEnv().CONTACT_EMAIL;
  if (configured) return configured;
  const [admin] = await getDb()
    .select({ email: users.email })
    .from(users)
    .where(eq(users.isAdmin, true))
    .orderBy(asc(users.createdAt))
    .limit(1);
  return admin?.email ?? "";
}

async function newestVersion(kind: LegalPageKind, locale: Locale) {
  const [row] = await getDb()
    .select({
      body: legalPageVersions.bodyMarkdown,
      createdAt: legalPageVersions.createdAt,
    })
    .from(legalPageVersions)
    .where(and(eq(legalPageVersions.kind, kind), eq(legalPageVersions.locale, locale)))
    .orderBy(desc(legalPageVersions.createdAt), desc(legalPageVersions.id))
    .limit(1);
  // An empty save takes the language back to the English text.
  return row && row.body !== "" ? row : null;
}

/**
 * Legal texts use the learning resources' Markdown (### headings, tables; no images), and their
 * headings are the page's second level: the page title is its only h1.
 */
export function renderLegalMarkdown(source: string): string {
  return renderMarkdown(source, { resource: { images: new Map() } })
    .replaceAll("<h3>", "<h2>")
    .replaceAll("</h3>", "</h2>");
}

async function fillIn(text: string): Promise<string> {
  const contact = await legalContactEmail();
  return text
    .replaceAll("{contact}", contact || getEnv().PUBLIC_URL)
    .replaceAll("{site}", getEnv().PUBLIC_URL);
}

/**
 * The page in the asked language; without a text of its own, the English one (an admin's, or
 * the one Synergy ships) marked as a fallback.
 */
export async function getLegalPage(options: {
  kind: LegalPageKind;
  locale: Locale;
}): Promise<LegalPage> {
  const { kind, locale } = options;
  const own = await newestVersion(kind, locale);
  if (own) {
    return {
      kind,
      locale,
      isFallback: false,
      updatedAt: own.createdAt,
      html: renderLegalMarkdown(own.body),
    };
  }
  const english = locale === "en" ? null : await newestVersion(kind, "en");
  const source = english?.body ?? (await fillIn(defaultLegalTexts[kind]));
  return {
    kind,
    locale: "en",
    isFallback: locale !== "en",
    updatedAt: english?.createdAt ?? null,
    html: renderLegalMarkdown(source),
  };
}

/** What the admin editor shows for one page and language: its text and its saved versions. */
export async function getLegalPageForEditing(options: {
  decision: Decision<"editLegalPages", undefined>;
  kind: LegalPageKind;
  locale: Locale;
}) {
  const { kind, locale } = options;
  const history = await getDb()
    .select({
      id: legalPageVersions.id,
      body: legalPageVersions.bodyMarkdown,
      createdAt: legalPageVersions.createdAt,
      editorName: users.displayName,
    })
    .from(legalPageVersions)
    .leftJoin(users, eq(users.id, legalPageVersions.editedBy))
    .where(and(eq(legalPageVersions.kind, kind), eq(legalPageVersions.locale, locale)))
    .orderBy(desc(legalPageVersions.createdAt), desc(legalPageVersions.id))
    .limit(20);
  const current = history[0]?.body ?? "";
  // A language with nothing saved starts from the shipped English text (filled in), so the
  // admin translates rather than writes from nothing.
  const body = history.length > 0 ? current : await fillIn(defaultLegalTexts[kind]);
  return {
    body,
    isSaved: history.length > 0,
    history: history.map((h) => ({ id: h.id, createdAt: h.createdAt, editorName: h.editorName })),
  };
}

/** Saves a new version of a legal page (the older ones stay as its history). */
export async function saveLegalPage(options: {
  decision: Decision<"editLegalPages", undefined>;
  input: LegalPageForm;
}): Promise<void> {
  const { decision, input } = options;
  await getDb().transaction(async (tx) => {
    await tx.insert(legalPageVersions).values({
      kind: input.page,
      locale: input.lang,
      bodyMarkdown: input.body,
      editedBy: decision.actor?.id ?? null,
    });
  });
}
