import { openDB, type DBSchema, type IDBPDatabase } from "idb";
import type { FieldBundle } from "@/lib/reports/get-field-bundle";

/** Why a waiting change is not on its way: sent next, refused with a reason, or held for the crew to decide. */
export type QueueState = "pending" | "conflict" | "rejected" | "signin";

type Common = {
  /** The idempotency key the server records: the same change is never applied twice. */
  key: string;
  createdAt: number;
  state: QueueState;
  /** The server's reason when it refused the change. */
  message?: string;
  photos: Blob[];
};

/** A change to one of the crew's reports, made against the version the phone showed. */
export type QueuedAction = Common & {
  kind: "action";
  reportId: number;
  reportCode: string;
  expectedVersion: number;
  action: {
    type: string;
    to?: string;
    publicText?: string;
    internalNote?: string;
    scheduledFor?: string;
    duplicateOfCode?: string;
  };
  /** The report as the server had it when the change was refused for being out of date. */
  current?: { status: string; version: number };
};

/** A problem found on the spot, filed when the connection allows (the key is its submission key). */
export type QueuedFiling = Common & {
  kind: "file";
  data: {
    serviceCode: string;
    position: [number, number];
    description: string;
    answers: Record<string, unknown>;
    submissionKey: string;
  };
  categoryName: string;
};

export type QueueEntry = QueuedAction | QueuedFiling;

interface FieldDb extends DBSchema {
  bundle: { key: string; value: FieldBundle };
  queue: { key: string; value: QueueEntry; indexes: { createdAt: number } };
}

const DB_NAME = "civic-field";
let opened: Promise<IDBPDatabase<FieldDb>> | null = null;

function db(): Promise<IDBPDatabase<FieldDb>> {
  opened ??= openDB<FieldDb>(DB_NAME, 1, {
    upgrade(database) {
      database.createObjectStore("bundle");
      database.createObjectStore("queue", { keyPath: "key" }).createIndex("createdAt", "createdAt");
    },
  });
  return opened;
}

export async function saveBundle(bundle: FieldBundle): Promise<void> {
  await (await db()).put("bundle", bundle, "current");
}

export async function loadBundle(): Promise<FieldBundle | undefined> {
  return (await db()).get("bundle", "current");
}

/** The waiting changes in the order they were made. */
export async function listQueue(): Promise<QueueEntry[]> {
  return (await db()).getAllFromIndex("queue", "createdAt");
}

export async function putEntry(entry: QueueEntry): Promise<void> {
  await (await db()).put("queue", entry);
}

export async function removeEntry(key: string): Promise<void> {
  await (await db()).delete("queue", key);
}

/** Signing out leaves nothing of the crew's work or the reporters' details on the phone. */
export async function forgetEverything(): Promise<void> {
  const database = await db();
  await database.clear("bundle");
  await database.clear("queue");
}
