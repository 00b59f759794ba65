import exifr from "exifr";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { AppError } from "../../../lib/errors";
import { MAX_PHOTO_BYTES, processPhoto } from "../../../lib/reports/photos";
import { jpegPhoto } from "../../helpers/images";

describe("photo processing", () => {
  it("removes GPS and camera data and applies the orientation to the pixels", async () => {
    const original = await jpegPhoto({ width: 800, height: 600, orientation: 6, gps: true });
    expect((await exifr.gps(original))?.latitude).toBeCloseTo(43.9278, 3);
    const processed = await processPhoto(original);
    expect(await exifr.parse(processed.data).catch(() => undefined)).toBeUndefined();
    // Orientation 6 means "rotate 90°": the stored picture is upright, 600 wide and 800 high.
    expect([processed.width, processed.height]).toEqual([600, 800]);
    const meta = await sharp(processed.data).metadata();
    expect(meta.format).toBe("jpeg");
    expect(meta.orientation).toBeUndefined();
  });

  it("downsizes a large photo to 2048 px on its long side", async () => {
    const processed = await processPhoto(await jpegPhoto({ width: 4000, height: 3000 }));
    expect([processed.width, processed.height]).toEqual([2048, 1536]);
  });

  it("accepts a PNG by its bytes and stores it as JPEG", async () => {
    const png = await sharp({ create: { width: 50, height: 40, channels: 3, background: "#fff" } })
      .png()
      .toBuffer();
    expect((await processPhoto(png)).contentType).toBe("image/jpeg");
  });

  it.each([
    ["plain text named like a photo", Buffer.from("this is not an image at all, just text")],
    ["a PDF", Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF")],
    ["a truncated JPEG", Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46])],
  ])("refuses %s", async (_what, bytes) => {
    await expect(processPhoto(bytes)).rejects.toMatchObject({ messageKey: "notAnImage" });
  });

  it("refuses a file over 10 MB before decoding it", async () => {
    const big = Buffer.alloc(MAX_PHOTO_BYTES + 1, 0xff);
    const error = await processPhoto(big).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "payload_too_large", messageKey: "photoTooLarge" });
  });
});
