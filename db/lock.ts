import fs from "node:fs";
import path from "node:path";

/**
 * An exclusive lock on an embedded data directory. PGlite does not lock its directory, and two
 * processes writing one directory corrupt it, so the second process must fail loudly instead.
 * The lock is a file beside the directory holding the owner's pid; a lock left by a dead process
 * is taken over.
 */
export class DataDirLockedError extends Error {
  constructor(dataDir: string, pid: number) {
    super(
      `The embedded database in ${dataDir} is in use by process ${pid}. ` +
        `Stop that process (or point DATA_DIR at another directory) and try again.`,
    );
    this.name = "DataDirLockedError";
  }
}

export type DataDirLock = { path: string; release: () => void };

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

export function lockDataDir(dataDir: string): DataDirLock {
  const lockPath = `${path.resolve(dataDir)}.lock`;
  fs.mkdirSync(path.dirname(lockPath), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = fs.openSync(lockPath, "wx");
      fs.writeSync(fd, String(process.pid));
      fs.closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.off("exit", release);
        try {
          if (fs.readFileSync(lockPath, "utf8") === String(process.pid)) fs.unlinkSync(lockPath);
        } catch {
          // Already gone.
        }
      };
      process.on("exit", release);
      return { path: lockPath, release };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      const owner = Number(fs.readFileSync(lockPath, "utf8").trim());
      if (owner === process.pid) throw new DataDirLockedError(dataDir, owner);
      if (Number.isInteger(owner) && owner > 0 && isAlive(owner))
        throw new DataDirLockedError(dataDir, owner);
      // Stale: its owner died without releasing it.
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`Could not take the lock ${lockPath}`);
}
