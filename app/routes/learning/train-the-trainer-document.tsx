import { useLoaderData } from "react-router";
import { readTttDocument } from "~/features/learning/documents.server";
import { useI18n } from "~/i18n/context";
import { handleLoader } from "~/lib/errors";
import type { Route } from "./+types/train-the-trainer-document";

/**
 * One Train-the-Trainer document as a web page (English, whatever the page language), with its
 * contents and the PDF download. Public; an unknown document is a translated 404.
 */
export async function loader({ params }: Route.LoaderArgs) {
  const document = await handleLoader(async () => readTttDocument(params.doc));
  const contents = document.blocks.flatMap((block) =>
    block.type === "heading" && block.level === 2 ? [{ id: block.id, text: block.text }] : [],
  );
  return {
    slug: document.slug,
    title: document.title,
    name: document.name,
    html: document.html,
    contents,
  };
}

export default function TrainTheTrainerDocument() {
  const document = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <main id="main" className="page">
      <title>{`${document.name} · ${t("ttt.title")} · Synergy`}</title>
      <p>
        <a href="/learn/train-the-trainer">{t("ttt.back")}</a>
      </p>
      <h1 id="ttt-document-title" lang="en">
        {document.title}
      </h1>
      <p className="inline-actions">
        <a href={`/learn/train-the-trainer/${document.slug}.pdf`} download>
          {t("ttt.downloadPdf")}
        </a>
      </p>
      <nav aria-labelledby="ttt-contents">
        <h2 id="ttt-contents">{t("ttt.contents")}</h2>
        <ol lang="en">
          {document.contents.map((entry) => (
            <li key={entry.id}>
              <a href={`#${entry.id}`}>{entry.text}</a>
            </li>
          ))}
        </ol>
      </nav>
      {/* The documents are written in English, whatever the page language. */}
      <article lang="en" aria-labelledby="ttt-document-title">
        {/* biome-ignore lint/security/noDangerouslySetInnerHtml: safe by construction (documents.server.ts writes fixed tags, escapes every text, inline text through markdown.ts) */}
        <div className="post-body" dangerouslySetInnerHTML={{ __html: document.html }} />
      </article>
    </main>
  );
}
