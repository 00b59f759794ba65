import "server-only";
import { createHash } from "node:crypto";
import sharp from "sharp";
import { AppError } from "../errors";
import { runImageJob } from "./image-queue";

export const MAX_PHOTOS = 3;
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
/** Pixels a photo may have (a 48 MP phone camera is 8000 × 6000, 40 MP keeps a 100 MP PNG out). */
export const MAX_PHOTO_PIXELS = 40_000_000;
/** Longest side after re-encoding: enough to see a pothole, small enough for a phone on 3G. */
const MAX_SIDE = 2048;

const acceptedFormats = new Set(["jpeg", "png", "webp", "heif", "avif", "tiff"]);

export type ProcessedPhoto = {
  data: Buffer;
  contentType: "image/jpeg";
  width: number;
  height: number;
  sha256: string;
};

/**
 * Checks a photo by its bytes (not its name or declared type), applies its EXIF orientation to the
 * pixels and re-encodes it as JPEG without any metadata: GPS position, camera serial and time are
 * gone, and the picture still stands the right way up.
 */
export async function processPhoto(input: Buffer): Promise<ProcessedPhoto> {
  return runImageJob(() => reencodePhoto(input));
}

async function reencodePhoto(input: Buffer): Promise<ProcessedPhoto> {
  if (input.byteLength > MAX_PHOTO_BYTES) {
    throw new AppError({
      code: "payload_too_large",
      messageKey: "photoTooLarge",
      details: { maxMb: MAX_PHOTO_BYTES / 1024 / 1024 },
    });
  }
  let meta: Awaited<ReturnType<ReturnType<typeof sharp>["metadata"]>> | undefined;
  try {
    // The header only: the size is known before a single pixel is decoded.
    meta = await sharp(input, { failOn: "error" }).metadata();
  } catch {
    meta = undefined;
  }
  if (!meta?.format || !acceptedFormats.has(meta.format))
    throw new AppError({ code: "unprocessable", messageKey: "notAnImage" });
  if ((meta.width ?? 0) * (meta.height ?? 0) > MAX_PHOTO_PIXELS) {
    throw new AppError({
      code: "payload_too_large",
      messageKey: "photoTooManyPixels",
      details: { maxMegapixels: MAX_PHOTO_PIXELS / 1_000_000 },
    });
  }
  try {
    const { data, info } = await sharp(input, { failOn: "error", limitInputPixels: MAX_PHOTO_PIXELS })
      .rotate()
      .resize({ width: MAX_SIDE, height: MAX_SIDE, fit: "inside", withoutEnlargement: true })
      .jpeg({ quality: 82, mozjpeg: true })
      .toBuffer({ resolveWithObject: true });
    return {
      data,
      contentType: "image/jpeg",
      width: info.width,
      height: info.height,
      sha256: createHash("sha256").update(data).digest("hex"),
    };
  } catch {
    throw new AppError({ code: "unprocessable", messageKey: "notAnImage" });
  }
}
