import "server-only";
import fs from "node:fs/promises";
import path from "node:path";
import { getEnv } from "../env";

/**
 * Where photos live. Keys are relative paths ("reports/2026/11/<uuid>.jpg"); an S3-compatible
 * store implements the same three calls against a bucket.
 */
export type Storage = {
  put: (key: string, data: Buffer, contentType: string) => Promise<void>;
  get: (key: string) => Promise<Buffer | null>;
  delete: (key: string) => Promise<void>;
};

export function diskStorage(root: string): Storage {
  const resolve = (key: string) => {
    const full = path.resolve(root, key);
    if (!full.startsWith(path.resolve(root) + path.sep))
      throw new Error(`storage key outside the root: ${key}`);
    return full;
  };
  return {
    async put(key, data) {
      const full = resolve(key);
      await fs.mkdir(path.dirname(full), { recursive: true });
      // Write then rename, so a reader never sees half a file.
      const temp = `${full}.${process.pid}.tmp`;
      await fs.writeFile(temp, data);
      await fs.rename(temp, full);
    },
    async get(key) {
      try {
        return await fs.readFile(resolve(key));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw err;
      }
    },
    async delete(key) {
      await fs.rm(resolve(key), { force: true });
    },
  };
}

let configured: Storage | undefined;

export function getStorage(): Storage {
  configured ??= diskStorage(getEnv().UPLOAD_DIR);
  return configured;
}
