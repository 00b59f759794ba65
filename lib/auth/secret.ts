import "server-only";
import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { getEnv } from "../env";

let cached: string | undefined;

/**
 * The key that signs sessions. Production sets NEXTAUTH_SECRET; the embedded demo creates a random
 * one on first start and keeps it next to its data, so sessions survive a restart.
 */
export function authSecret(): string {
  if (cached) return cached;
  const env = getEnv();
  if (env.NEXTAUTH_SECRET) return (cached = env.NEXTAUTH_SECRET);
  const file = path.join(path.dirname(path.resolve(env.DATA_DIR)), ".auth-secret");
  try {
    cached = fs.readFileSync(file, "utf8").trim();
  } catch {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const secret = randomBytes(32).toString("base64url");
    try {
      fs.writeFileSync(file, secret, { flag: "wx", mode: 0o600 });
      cached = secret;
    } catch {
      // Another process wrote it first.
      cached = fs.readFileSync(file, "utf8").trim();
    }
  }
  return cached!;
}
