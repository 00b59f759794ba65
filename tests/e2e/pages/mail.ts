import fs from "node:fs";
import path from "node:path";

/** Where the e2e server's local SMTP sink writes the mail it receives (scripts/e2e-server.mjs). */
const mailDir = path.join(__dirname, "..", "..", "..", ".test-data", "e2e", "mail");

/** The newest mail to an address that contains `marker`, decoded as its reader sees it; null if none yet. */
export function mailTo(email: string, marker: string): string | null {
  if (!fs.existsSync(mailDir)) return null;
  const files = fs
    .readdirSync(mailDir)
    .filter((f) => f.endsWith(`-${email}.eml`))
    .sort()
    .reverse();
  for (const file of files) {
    const raw = fs.readFileSync(path.join(mailDir, file), "latin1");
    const bytes = raw
      .replace(/=\r?\n/g, "")
      .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    const text = Buffer.from(bytes, "latin1").toString("utf8");
    if (text.includes(marker)) return text;
  }
  return null;
}
