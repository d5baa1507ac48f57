import type { ResourceContent, StoredQuestion } from "~/db/schema/learning";
import { renderMarkdown } from "~/features/content/markdown";

/** A resource's file as `presentResource` needs it (a `learning_resource_files` row fits). */
type PresentableFile = {
  id: string;
  kind: "image" | "worksheet";
  filename: string;
  sizeBytes: number;
};

/** What a reader sees of one version of a resource: everything safe to send to the browser. */
export type PresentedResource = {
  id: string;
  title: string;
  summary: string;
  language: string;
  eqf: number;
  minutes: number;
  licence: string;
  topics: { key: string; label: string }[];
  /** Safe HTML of the three written phases. */
  phases: { introduction: string; practice: string; reflection: string };
  /** The informal self-assessment; which options are right is said in the feedback only. */
  questions: { prompt: string; options: string[]; multiple: boolean; feedback: string }[];
  videos: string[];
  worksheets: { id: string; filename: string; url: string; sizeBytes: number }[];
};

/** Where a resource's file is served (an image inline, a worksheet as a download). */
function resourceFileUrl(fileId: string): string {
  return `/learn/files/${encodeURIComponent(fileId)}`;
}

/**
 * One version of a resource ready to render: its Markdown phases as safe HTML, where
 * `![alt](file:<id>)` shows one of this resource's own images (`files`; anything else stays
 * text), its worksheets with their download URLs. `row` is a `learning_resources` row or the
 * content of a `learning_resource_versions` row with the resource's id. Topic labels come from
 * `topicLabels` (see `topicKeyLabels` in needs/topics.server.ts); a key without one shows as it is.
 */
export function presentResource(
  row: { id: string } & ResourceContent,
  files: readonly PresentableFile[],
  topicLabels: ReadonlyMap<string, string> = new Map(),
): PresentedResource {
  const images = new Map<string, string>();
  for (const file of files) {
    if (file.kind === "image") images.set(file.id.toLowerCase(), resourceFileUrl(file.id));
  }
  const render = (source: string) => renderMarkdown(source, { resource: { images } });
  return {
    id: row.id,
    title: row.title,
    summary: row.summary,
    language: row.language,
    eqf: row.eqf,
    minutes: row.minutes,
    licence: row.licence,
    topics: row.topics.map((key) => ({ key, label: topicLabels.get(key) ?? key })),
    phases: {
      introduction: render(row.introduction),
      practice: render(row.practice),
      reflection: render(row.reflection),
    },
    questions: row.questions.map(presentQuestion),
    videos: row.videos.filter((url) => /^https:\/\/[^\s]+$/i.test(url)),
    worksheets: files
      .filter((file) => file.kind === "worksheet")
      .map((file) => ({
        id: file.id,
        filename: file.filename,
        url: resourceFileUrl(file.id),
        sizeBytes: file.sizeBytes,
      })),
  };
}

function presentQuestion(question: StoredQuestion): PresentedResource["questions"][number] {
  return {
    prompt: question.prompt,
    options: question.options.map((option) => option.text),
    multiple: question.multiple,
    feedback: question.feedback,
  };
}
