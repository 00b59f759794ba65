import { NextResponse } from "next/server";
import { asPublic } from "@/lib/auth/db-scope";
import { withApi } from "@/lib/http";
import { buildDcatCatalogue } from "@/lib/open-data/catalogue";
import { corsGet, corsPreflight } from "@/lib/request/cors";

export const dynamic = "force-dynamic";

/** The DCAT-AP catalogue of the open data (JSON-LD), for data.gov.rs and other harvesters. */
export const GET = corsGet(
  withApi(async () =>
    NextResponse.json(await asPublic((db) => buildDcatCatalogue(db)), {
      headers: { "content-type": "application/ld+json", "cache-control": "public, max-age=3600" },
    }),
  ),
);

export const OPTIONS = corsPreflight;
