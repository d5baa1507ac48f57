import fs from "node:fs/promises";
import path from "node:path";
import { getEnv } from "./env.server";

/**
 * Where uploaded files live. The disk implementation is the default; an S3-compatible store can
 * implement the same four calls.
 */
export interface FileStorage {
  put(key: string, body: Buffer): Promise<void>;
  get(key: string): Promise<Buffer | null>;
  remove(key: string): Promise<void>;
  /** Every stored file with when it was last written (for the orphaned-files sweep). */
  list(): AsyncIterable<{ key: string; modifiedAt: Date }>;
}

const safeKey = /^[a-z0-9][a-z0-9/_.-]{0,200}$/i;

function resolveKey(root: string, key: string): string {
  if (!safeKey.test(key) || key.includes("..")) throw new Error(`Unsafe storage key: ${key}`);
  return path.join(root, key);
}

/** Files under DATA_DIR/uploads. */
export function diskStorage(root = path.join(getEnv().dataDir, "uploads")): FileStorage {
  return {
    async put(key, body) {
      const file = resolveKey(root, key);
      await fs.mkdir(path.dirname(file), { recursive: true });
      const temp = `${file}.${process.pid}.tmp`;
      await fs.writeFile(temp, body);
      await fs.rename(temp, file);
    },
    async get(key) {
      try {
        return await fs.readFile(resolveKey(root, key));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw error;
      }
    },
    async remove(key) {
      await fs.rm(resolveKey(root, key), { force: true });
    },
    async *list() {
      const pending = [""];
      while (pending.length) {
        const folder = pending.pop() as string;
        let entries: import("node:fs").Dirent[];
        try {
          entries = await fs.readdir(path.join(root, folder), { withFileTypes: true });
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === "ENOENT") continue;
          throw error;
        }
        for (const entry of entries) {
          const key = folder ? `${folder}/${entry.name}` : entry.name;
          if (entry.isDirectory()) pending.push(key);
          else if (entry.isFile()) {
            const stat = await fs.stat(path.join(root, key)).catch(() => null);
            if (stat) yield { key, modifiedAt: stat.mtime };
          }
        }
      }
    },
  };
}

let storage: FileStorage | undefined;
export function getStorage(): FileStorage {
  storage ??= diskStorage();
  return storage;
}
