"use client";

import { useId, useState } from "react";
import { useTranslations } from "next-intl";

export type PreparedPhoto = { blob: Blob; url: string };

const MAX_PHOTOS = 3;
const MAX_SIDE = 2048;

/**
 * Photos are made smaller on the phone before upload (a 12 MP photo becomes a few hundred kB);
 * drawing them on a canvas also drops their metadata. A GPS position in the original is offered
 * as the problem's location when no pin is placed yet.
 */
export function PhotoInput({
  photos,
  onChange,
  onGps,
}: {
  photos: PreparedPhoto[];
  onChange: (photos: PreparedPhoto[]) => void;
  onGps: (position: [number, number]) => void;
}) {
  const t = useTranslations("report");
  const id = useId();
  const [limitHit, setLimitHit] = useState(false);

  const add = async (files: FileList | null) => {
    if (!files) return;
    const room = MAX_PHOTOS - photos.length;
    setLimitHit(files.length > room);
    const prepared: PreparedPhoto[] = [];
    for (const file of Array.from(files).slice(0, Math.max(0, room))) {
      readGps(file).then((gps) => gps && onGps(gps));
      const blob = await downscale(file);
      prepared.push({ blob, url: URL.createObjectURL(blob) });
    }
    onChange([...photos, ...prepared]);
  };

  const remove = (index: number) => {
    URL.revokeObjectURL(photos[index]!.url);
    onChange(photos.filter((_, i) => i !== index));
    setLimitHit(false);
  };

  return (
    <div className="photo-input">
      <label htmlFor={`${id}-photos`}>{t("photos")}</label>
      <input
        id={`${id}-photos`}
        type="file"
        accept="image/*"
        multiple
        disabled={photos.length >= MAX_PHOTOS}
        aria-describedby={`${id}-hint`}
        onChange={(e) => {
          void add(e.target.files);
          e.target.value = "";
        }}
      />
      <p id={`${id}-hint`} className="hint">
        {t("photosHint")}
      </p>
      {limitHit ? (
        <p className="hint warning" role="status">
          {t("photoLimit")}
        </p>
      ) : null}
      {photos.length > 0 ? (
        <ul className="photo-previews">
          {photos.map((p, i) => (
            <li key={p.url}>
              {/* eslint-disable-next-line @next/next/no-img-element -- a local object URL, not an optimisable asset */}
              <img src={p.url} alt="" width={96} height={96} />
              <button type="button" className="secondary" onClick={() => remove(i)}>
                {t("removePhoto", { n: i + 1 })}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

async function downscale(file: File): Promise<Blob> {
  try {
    const bitmap = await createImageBitmap(file, { imageOrientation: "from-image" });
    const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement("canvas");
    canvas.width = Math.round(bitmap.width * scale);
    canvas.height = Math.round(bitmap.height * scale);
    canvas.getContext("2d")!.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    bitmap.close();
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error("encode"))), "image/jpeg", 0.85),
    );
  } catch {
    // Formats the browser cannot draw (some HEIC) go as they are; the server checks and converts them.
    return file;
  }
}

async function readGps(file: File): Promise<[number, number] | null> {
  try {
    const exifr = (await import("exifr")).default;
    const gps = await exifr.gps(file);
    return gps && Number.isFinite(gps.longitude) && Number.isFinite(gps.latitude)
      ? [gps.longitude, gps.latitude]
      : null;
  } catch {
    return null;
  }
}
