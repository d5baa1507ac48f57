import fs from "node:fs/promises";
import path from "node:path";
import { fileTypeFromBuffer } from "file-type";
import { randomToken } from "~/lib/crypto.server";
import { invalid, tooLarge } from "~/lib/errors";
import { reencodePhoto, sniffImage } from "~/lib/images.server";
import { getStorage } from "~/lib/storage.server";

/**
 * Uploaded files for every feature that takes them (post attachments, shared resources, network
 * covers; later events and learning resources): accepted by what their bytes are, never by name,
 * photos re-encoded, stored under a random key.
 */

export type StoredFile = {
  kind: "image" | "file";
  storageKey: string;
  filename: string;
  contentType: string;
  sizeBytes: number;
  width: number | null;
  height: number | null;
};

const imageExtensions = new Set([
  "jpg",
  "jpeg",
  "png",
  "webp",
  "gif",
  "svg",
  "heic",
  "avif",
  "bmp",
]);
const documentExtensions: Record<string, string> = {
  pdf: "pdf",
  docx: "docx",
  xlsx: "xlsx",
  pptx: "pptx",
  odt: "odt",
  ods: "ods",
  txt: "txt",
  csv: "txt",
  md: "txt",
};

/** The file's own claim about its type, from its name's extension. */
function declaredExtension(name: string): string {
  const match = /\.([A-Za-z0-9]{1,8})$/.exec(name);
  return match ? match[1].toLowerCase() : "";
}

/** The document types we accept, as file-type names them, with the extension we store. */
const acceptedDocuments: Record<string, string> = {
  "application/pdf": "pdf",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
  "application/vnd.openxmlformats-officedocument.presentationml.presentation": "pptx",
  "application/vnd.oasis.opendocument.text": "odt",
  "application/vnd.oasis.opendocument.spreadsheet": "ods",
};

/**
 * What a document's bytes are. Office and OpenDocument files are ZIP archives: file-type reads
 * their [Content_Types].xml or mimetype entry, so an archive that merely holds a `word/` folder
 * is a ZIP (refused), not a Word document.
 */
async function sniffDocument(
  bytes: Buffer,
): Promise<{ contentType: string; extension: string } | null> {
  // A damaged archive or container that file-type cannot read is refused like an unknown one.
  const detected = await fileTypeFromBuffer(bytes).catch(() => ({ mime: "unreadable" }));
  if (detected) {
    const extension = acceptedDocuments[detected.mime];
    return extension ? { contentType: detected.mime, extension } : null;
  }
  // Plain text: valid UTF-8 without control bytes other than tab, newline and return.
  const text = bytes.toString("utf8");
  const hasControlBytes = bytes.some((b) => b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d);
  if (!text.includes("\uFFFD") && !hasControlBytes) {
    return { contentType: "text/plain; charset=utf-8", extension: "txt" };
  }
  return null;
}

/** A file name that is safe in a URL and a Content-Disposition header. */
export function safeFilename(name: string, extension: string): string {
  const base = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/\.[^.]*$/, "")
    .replace(/[^A-Za-z0-9._-]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  return `${base || "file"}.${extension}`;
}

/**
 * Stores one uploaded file after checking what its bytes are (never its name or declared type):
 * photos (JPEG, PNG, WebP, GIF) are re-encoded as WebP without metadata, at most 1600 px wide;
 * documents are accepted only as PDF, Word, Excel, PowerPoint, OpenDocument or plain text.
 */
export async function storeUpload(options: {
  file: File;
  prefix: string;
  maxBytes: number;
  /** The form field a refusal belongs to (413 `upload.tooLarge`, 400 unsupported/disguised). */
  field?: string;
}): Promise<StoredFile> {
  const { file, prefix, maxBytes, field } = options;
  if (file.size > maxBytes) throw tooLarge("upload.tooLarge", field);
  const bytes = Buffer.from(await file.arrayBuffer());
  const id = randomToken().slice(0, 16);
  const declared = declaredExtension(file.name);
  const kind = await sniffImage(bytes);
  if (kind === "photo") {
    const photo = await reencodePhoto(bytes, { size: 1600, crop: false });
    if (!photo) throw invalid("upload.unsupported", field);
    const storageKey = `${prefix}/${id}.webp`;
    await getStorage().put(storageKey, photo.data);
    return {
      kind: "image",
      storageKey,
      filename: safeFilename(file.name, "webp"),
      contentType: "image/webp",
      sizeBytes: photo.data.length,
      width: photo.width,
      height: photo.height,
    };
  }
  if (kind === "unsupported-image") throw invalid("upload.unsupported", field);
  // A file that says it is a photo but is not one, or claims another document type, is refused.
  if (imageExtensions.has(declared) || file.type.startsWith("image/")) {
    throw invalid("upload.disguised", field);
  }
  const document = await sniffDocument(bytes);
  if (!document) throw invalid("upload.unsupported", field);
  if (declared in documentExtensions && documentExtensions[declared] !== document.extension) {
    throw invalid("upload.disguised", field);
  }
  const storageKey = `${prefix}/${id}.${document.extension}`;
  await getStorage().put(storageKey, bytes);
  return {
    kind: "file",
    storageKey,
    filename: safeFilename(file.name, document.extension),
    contentType: document.contentType,
    sizeBytes: bytes.length,
    width: null,
    height: null,
  };
}

/** Removes stored files (after a failed write, so nothing is left half-saved). */
export async function removeUploads(files: StoredFile[]): Promise<void> {
  await Promise.all(files.map((f) => getStorage().remove(f.storageKey)));
}

/** The uploaded files of a form field, ignoring empty file inputs. */
export function filesOf(value: unknown): File[] {
  const list = Array.isArray(value) ? value : [value];
  return list.filter((v): v is File => v instanceof File && v.size > 0);
}

/**
 * Where the edge writes the files of a form while it streams in (server/multipart.ts), one
 * folder per request, removed once the response is sent.
 */
export function uploadTempRoot(dataDir: string): string {
  return path.join(dataDir, "tmp", "uploads");
}

/**
 * Removes request folders of in-flight uploads older than `olderThanMs`: what a process killed
 * mid-request left behind (a live request finishes long before). Returns how many it removed.
 */
export async function removeStaleUploadFolders(
  dataDir: string,
  olderThanMs = 60 * 60 * 1000,
): Promise<number> {
  const root = uploadTempRoot(dataDir);
  let names: string[];
  try {
    names = await fs.readdir(root);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    const folder = path.join(root, name);
    const stat = await fs.stat(folder).catch(() => null);
    if (!stat || Date.now() - stat.mtimeMs < olderThanMs) continue;
    await fs.rm(folder, { recursive: true, force: true });
    removed += 1;
  }
  return removed;
}
