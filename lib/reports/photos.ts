import "server-only";
import { createHash } from "node:crypto";
import sharp from "sharp";
import { AppError } from "../errors";

export const MAX_PHOTOS = 3;
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
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
  if (input.byteLength > MAX_PHOTO_BYTES) {
    throw new AppError({
      code: "payload_too_large",
      messageKey: "photoTooLarge",
      details: { maxMb: MAX_PHOTO_BYTES / 1024 / 1024 },
    });
  }
  let format: string | undefined;
  try {
    format = (await sharp(input, { failOn: "error" }).metadata()).format;
  } catch {
    format = undefined;
  }
  if (!format || !acceptedFormats.has(format))
    throw new AppError({ code: "unprocessable", messageKey: "notAnImage" });
  try {
    const { data, info } = await sharp(input, { failOn: "error", limitInputPixels: 100_000_000 })
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
