// Types for scripts/fixed-length.mjs (plain JavaScript, run by Node before any bundler).
import type { IncomingMessage, ServerResponse } from "node:http";

export declare const fixedLengthPaths: RegExp[];
export declare function withoutOgcTrailingSlash(url: string): string;
export declare function wantsFixedLength(pathname: string): boolean;
export declare function parseRange(
  header: string | undefined,
  size: number,
): { start: number; end: number } | { unsatisfiable: true } | null;
export declare function handleFixedLength(
  req: IncomingMessage,
  res: ServerResponse,
  handle: (req: IncomingMessage, res: ServerResponse) => Promise<void> | void,
): Promise<void>;
