import { AppError } from "@/lib/errors";
import { getEnv } from "@/lib/env";
import { parseBBox } from "@/lib/geo/bbox";
import { respond } from "@/lib/open311/format";
import { postOpen311Request } from "@/lib/open311/post-request";
import { listRequestUpdates } from "@/lib/open311/request-updates";
import { DEFAULT_WINDOW_DAYS, listRequests, MAX_REQUESTS } from "@/lib/open311/requests";
import { open311Route, parseOpen311Date } from "@/lib/open311/route";
import { listServices } from "@/lib/open311/services";

export const dynamic = "force-dynamic";

const list = (value: string | null) =>
  value
    ? value
        .split(",")
        .map((v) => v.trim())
        .filter(Boolean)
    : undefined;

/** `page` (from 1) and `page_size` (1 to max); a bad value is named in the error. */
function readPaging(q: URLSearchParams, max: number): { page: number; pageSize: number } {
  const page = Number(q.get("page") ?? 1);
  const pageSize = Number(q.get("page_size") ?? max);
  const refuse = (field: string) =>
    new AppError({ code: "bad_request", messageKey: "open311InvalidField", details: { field } });
  if (!Number.isInteger(page) || page < 1) throw refuse("page");
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > max) throw refuse("page_size");
  return { page, pageSize };
}

/** GET discovery, services and requests; POST requests (Open311 GeoReport v2). */
export const GET = open311Route<{ resource: string }>(
  "resource",
  async (req, { format, name, locale, db, municipalityId }) => {
    const baseUrl = getEnv().PUBLIC_BASE_URL.replace(/\/$/, "");
    const q = req.nextUrl.searchParams;
    switch (name) {
      case "discovery":
        // Open311: the discovery document is an object, not a list.
        return respond({
          format,
          root: "discovery",
          body: {
            changeset: "2026-11-21T00:00:00Z",
            contact: "Kontakt centar (contact centre)",
            key_service: `${baseUrl}/developers/open311-key`,
            endpoints: [
              {
                specification: "http://wiki.open311.org/GeoReport_v2",
                url: `${baseUrl}/open311/v2`,
                changeset: "2026-11-21T00:00:00Z",
                type: "production",
                formats: ["text/xml", "application/json"],
              },
            ],
          },
        });
      case "services":
        return respond({ format, root: "services", body: await listServices(db, municipalityId, locale) });
      case "requests": {
        const statuses = list(q.get("status"));
        if (statuses?.some((s) => s !== "open" && s !== "closed")) {
          throw new AppError({
            code: "bad_request",
            messageKey: "open311InvalidField",
            details: { field: "status" },
          });
        }
        const { page, pageSize } = readPaging(q, MAX_REQUESTS);
        const body = await listRequests({
          db,
          locale,
          baseUrl,
          query: {
            municipalityId,
            ids: list(q.get("service_request_id")),
            serviceCodes: list(q.get("service_code")),
            start: parseOpen311Date(q.get("start_date")),
            end: parseOpen311Date(q.get("end_date")),
            statuses: statuses as Array<"open" | "closed"> | undefined,
            bbox: q.get("bbox") ? parseBBox(q.get("bbox")) : undefined,
            page,
            pageSize,
          },
        });
        return respond({ format, root: "service_requests", body });
      }
      case "servicerequestupdates":
        // Extension (used by FixMyStreet-style clients): updates in a window, default the last 7 days.
        return respond({
          format,
          root: "service_request_updates",
          body: await listRequestUpdates({
            db,
            municipalityId,
            start: parseOpen311Date(q.get("start_date")),
            end: parseOpen311Date(q.get("end_date")),
            ids: list(q.get("service_request_id")),
            // Extension: `page` / `page_size` as for requests, so more than 1,000 updates can be read.
            ...(({ page, pageSize }) => ({ page, limit: pageSize }))(readPaging(q, 1_000)),
          }),
        });
      default:
        throw new AppError({
          code: "not_found",
          messageKey: "open311NotFound",
          details: { window: DEFAULT_WINDOW_DAYS },
        });
    }
  },
);

export const POST = open311Route<{ resource: string }>(
  "resource",
  async (req, { format, name, locale, db, municipalityId, form }) => {
    if (name !== "requests") throw new AppError({ code: "not_found", messageKey: "open311NotFound" });
    const jurisdictionGiven = Boolean(
      req.nextUrl.searchParams.get("jurisdiction_id") || form.get("jurisdiction_id"),
    );
    const apiKey = req.nextUrl.searchParams.get("api_key");
    const body = await postOpen311Request({ db, form, municipalityId, jurisdictionGiven, locale, apiKey });
    return respond({ format, root: "service_requests", body });
  },
);
