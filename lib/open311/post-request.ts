import "server-only";
import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { ZodError } from "zod";
import type { Database } from "../../db/client";
import { queryOne } from "../../db/query";
import { AppError, isAppError } from "../errors";
import type { Locale } from "../i18n/config";
import { geocodeAddress, type GeocodedAddress } from "../places/geocode-address";
import { fileReport, outsideServedArea } from "../reports/file-report";
import { findMunicipalityAt } from "../routing/route-report";
import type { CategoryQuestion } from "../reports/questions";

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

/** Open311 requires a key to post; 403 when it is missing, unknown or withdrawn. */
export async function authenticateClient(
  db: Database,
  key: string | null,
): Promise<{ id: number; name: string }> {
  const client = key
    ? await queryOne<{ id: number; name: string }>(
        db,
        sql`select id, name from api_clients where key_hash = ${hashApiKey(key)} and active`,
      )
    : undefined;
  if (!client) throw new AppError({ code: "forbidden", messageKey: "invalidApiKey" });
  return client;
}

/** `attribute[code]=v` and `attribute[code][]=v1&attribute[code][]=v2`, typed by the category's questions. */
function readAttributes(
  form: URLSearchParams,
  questions: CategoryQuestion[],
): Record<string, string | number | string[]> {
  const answers: Record<string, string | number | string[]> = {};
  for (const [key, value] of form.entries()) {
    const list = /^attribute\[([^\]]+)\]\[\]$/.exec(key);
    const single = /^attribute\[([^\]]+)\]$/.exec(key);
    if (list) answers[list[1]!] = [...((answers[list[1]!] as string[] | undefined) ?? []), value];
    else if (single) {
      const type = questions.find((q) => q.code === single[1])?.type;
      answers[single[1]!] =
        type === "number" && value.trim() !== "" && Number.isFinite(Number(value)) ? Number(value) : value;
    }
  }
  return answers;
}

/**
 * POST requests: the Open311 form goes through the same intake as the web form (routing, due date,
 * duplicate check in the UI is the client's business, idempotency). A retry of the same form by the
 * same client returns the same request.
 */
export async function postOpen311Request(input: {
  db: Database;
  form: URLSearchParams;
  /** The jurisdiction of the request (named by the client, or the first one served). */
  municipalityId: number;
  /** Whether the client named the jurisdiction (then the point must lie in it). */
  jurisdictionGiven?: boolean;
  locale: Locale;
  /** A key given in the query string (checked before the body was read); else the form's `api_key`. */
  apiKey?: string | null;
}): Promise<Array<{ service_request_id: string; service_notice: string; account_id: null }>> {
  const { db, form } = input;
  const client = await authenticateClient(db, input.apiKey ?? form.get("api_key"));
  const serviceCode = form.get("service_code")?.trim();
  if (!serviceCode) throw new AppError({ code: "bad_request", messageKey: "open311ServiceCodeRequired" });
  // A code no municipality offers is answered before the location is looked at.
  const offered = await queryOne<{ found: boolean }>(
    db,
    sql`select true as found from service_categories where service_code = ${serviceCode} and active limit 1`,
  );
  if (!offered) throw new AppError({ code: "not_found", messageKey: "categoryNotOffered" });

  let position: [number, number] | null = null;
  let matched: GeocodedAddress | null = null;
  const lat = form.get("lat");
  const long = form.get("long");
  if (lat !== null || long !== null) {
    const p: [number, number] = [Number(long), Number(lat)];
    if (!Number.isFinite(p[0]) || !Number.isFinite(p[1]))
      throw new AppError({ code: "bad_request", messageKey: "open311LocationRequired" });
    position = p;
  } else if (form.get("address_string")) {
    // Full addresses as Open311 apps send them ("Karađorđeva 10, Ćuprija"), house number included.
    const found = await geocodeAddress({ db, query: form.get("address_string")!, locale: input.locale });
    position = found ? (found.position as [number, number]) : null;
    matched = found ?? null;
  }
  if (!position) throw new AppError({ code: "bad_request", messageKey: "open311LocationRequired" });

  // The point decides the municipality; a jurisdiction named by the client must be that one.
  const municipalityId = await findMunicipalityAt({ db, position });
  if (municipalityId === null) throw await outsideServedArea({ db, position, locale: input.locale });
  if (input.jurisdictionGiven && municipalityId !== input.municipalityId) {
    throw new AppError({ code: "bad_request", messageKey: "open311OutsideJurisdiction" });
  }
  const category = await queryOne<{ questions: CategoryQuestion[]; name: Record<string, string> }>(
    db,
    sql`select questions, name from service_categories where municipality_id = ${municipalityId} and service_code = ${serviceCode} and active`,
  );
  if (!category) throw new AppError({ code: "not_found", messageKey: "categoryNotOffered" });

  const mediaUrl = form.get("media_url")?.trim();
  // Only web addresses: a `javascript:` or `file:` URL would be a link to nowhere good.
  if (mediaUrl && !/^https?:\/\/[^\s]+$/i.test(mediaUrl))
    throw new AppError({
      code: "bad_request",
      messageKey: "open311InvalidField",
      details: { field: "media_url" },
    });
  const name = [form.get("first_name"), form.get("last_name")].filter(Boolean).join(" ").trim();
  const email = form.get("email")?.trim();
  const phone = form.get("phone")?.trim();
  const signature = [...form.entries()]
    .filter(([k]) => k !== "api_key")
    .sort()
    .map(([k, v]) => `${k}=${v}`)
    .join("&");
  const digest = createHash("sha256").update(`${client.id}|${signature}`).digest("hex");
  const submissionKey = `${digest.slice(0, 8)}-${digest.slice(8, 12)}-4${digest.slice(13, 16)}-8${digest.slice(17, 20)}-${digest.slice(20, 32)}`;

  try {
    const filed = await fileReport({
      db,
      report: {
        serviceCode,
        position,
        description: form.get("description")?.trim() || category.name[input.locale] || serviceCode,
        address: matched?.matched ?? (form.get("address_string")?.trim() || undefined),
        channel: "open311",
        answers: readAttributes(form, category.questions),
        contact:
          name || email || phone
            ? {
                name: name || undefined,
                email: email || undefined,
                phone: phone || undefined,
                anonymous: false,
              }
            : undefined,
        mediaUrl: mediaUrl || undefined,
        locale: input.locale,
        submissionKey,
      },
    });
    // Open311: service_notice is free text; it tells the client which address was matched.
    const notice = matched ? `${matched.matched} (${matched.precision})` : "";
    return [{ service_request_id: filed.trackingCode, service_notice: notice, account_id: null }];
  } catch (err) {
    // A missing or wrong attribute is named as the client sent it: `attribute[depth]`.
    if (isAppError(err) && err.messageKey === "invalidAnswers") {
      const first = (err.details?.problems as Array<{ code: string }> | undefined)?.[0];
      const field = first ? `attribute[${first.code}]` : "attribute";
      throw new AppError({ code: "bad_request", messageKey: "open311InvalidField", details: { field } });
    }
    if (err instanceof ZodError) {
      const field = err.issues[0]?.path.join(".") ?? "request";
      throw new AppError({ code: "bad_request", messageKey: "open311InvalidField", details: { field } });
    }
    throw err;
  }
}
