import sharp from "sharp";

/** A real JPEG of the given size, optionally with EXIF orientation and GPS, as a phone would send. */
export async function jpegPhoto(
  input: { width?: number; height?: number; orientation?: number; gps?: boolean } = {},
): Promise<Buffer> {
  const width = input.width ?? 800;
  const height = input.height ?? 600;
  let image = sharp({ create: { width, height, channels: 3, background: { r: 120, g: 110, b: 100 } } });
  if (input.orientation) image = image.withMetadata({ orientation: input.orientation });
  if (input.orientation || input.gps) {
    image = image.withExif({
      IFD0: { Make: "PhoneMaker", Model: "Phone 12" },
      ...(input.gps
        ? {
            IFD3: {
              GPSLatitudeRef: "N",
              GPSLatitude: "43/1 55/1 4000/100",
              GPSLongitudeRef: "E",
              GPSLongitude: "21/1 22/1 1200/100",
            },
          }
        : {}),
    });
  }
  return image.jpeg().toBuffer();
}
