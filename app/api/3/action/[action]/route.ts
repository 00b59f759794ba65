import { NextResponse } from "next/server";
import { asPublic } from "@/lib/auth/db-scope";
import { getEnv } from "@/lib/env";
import { withApi } from "@/lib/http";
import { ckanAction } from "@/lib/open-data/ckan";
import { corsGet, corsPreflight } from "@/lib/request/cors";

export const dynamic = "force-dynamic";

/** CKAN Action API, read-only: `/api/3/action/package_list`, `/api/3/action/package_show?id=reports`. */
export const GET = corsGet(
  withApi<{ action: string }>(async (req, { params }) => {
    const action = (await params).action;
    const { status, body } = await asPublic((db) =>
      ckanAction({
        db,
        action,
        id: req.nextUrl.searchParams.get("id"),
        baseUrl: getEnv().PUBLIC_BASE_URL.replace(/\/$/, ""),
      }),
    );
    return NextResponse.json(body, { status, headers: { "cache-control": "public, max-age=3600" } });
  }),
);

export const OPTIONS = corsPreflight;
