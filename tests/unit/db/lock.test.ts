import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DataDirLockedError, lockDataDir } from "../../../db/lock";

describe("the embedded data directory lock", () => {
  const dir = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), "civic-lock-")), "pglite");

  it("refuses a second opener while the first holds the directory", () => {
    const dataDir = dir();
    const lock = lockDataDir(dataDir);
    expect(() => lockDataDir(dataDir)).toThrow(DataDirLockedError);
    lock.release();
    lockDataDir(dataDir).release();
  });

  it("refuses while another live process holds it", () => {
    const dataDir = dir();
    fs.writeFileSync(`${dataDir}.lock`, String(process.ppid));
    expect(() => lockDataDir(dataDir)).toThrow(/in use by process/);
  });

  it("takes over a lock left by a process that died", () => {
    const dataDir = dir();
    fs.writeFileSync(`${dataDir}.lock`, "999999999");
    const lock = lockDataDir(dataDir);
    expect(fs.readFileSync(lock.path, "utf8")).toBe(String(process.pid));
    lock.release();
    expect(fs.existsSync(lock.path)).toBe(false);
  });
});
