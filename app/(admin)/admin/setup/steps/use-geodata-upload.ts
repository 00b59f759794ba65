"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import type { GeodataPreview } from "@/lib/geodata/preview-geodata";
import { send } from "./setup-shared";

export function useGeodataUpload(purpose: "boundary" | "districts" | "service-area") {
  const tErrors = useTranslations("errors");
  const [preview, setPreview] = useState<(GeodataPreview & { fileName: string }) | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const upload = async (file: File | undefined) => {
    if (!file) return;
    setLoading(true);
    setError(null);
    setPreview(null);
    const form = new FormData();
    form.set("file", file);
    form.set("purpose", purpose);
    const result = await send("/api/admin/setup/geodata", { method: "POST", body: form });
    setLoading(false);
    if (!result.ok) return setError(result.message === "network" ? tErrors("generic") : result.message);
    setPreview(result.body as GeodataPreview & { fileName: string });
  };
  return { preview, error, loading, upload };
}
