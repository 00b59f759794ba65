import "server-only";
import { createTranslator } from "use-intl/core";
import type { Locale } from "../i18n/config";
import { loadMessages } from "../i18n/messages";

/** Whether the caller asked for the HTML encoding: `?f=html`, or a browser's Accept without `f`. */
export function wantsHtml(req: Request): boolean {
  const f = new URL(req.url).searchParams.get("f");
  if (f) return f === "html";
  return (req.headers.get("accept") ?? "").startsWith("text/html");
}

const escape = (text: unknown) =>
  String(text ?? "").replace(
    /[<>&'"]/g,
    (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", "'": "&#39;", '"': "&quot;" })[c]!,
  );

/** A link inside this API keeps the HTML encoding, so a person can click through. */
function htmlHref(href: string, base: string): string {
  if (!href.startsWith(base)) return href;
  const url = new URL(href);
  url.searchParams.set("f", "html");
  return url.toString();
}

type Doc = {
  title?: string;
  description?: string;
  id?: string;
  type?: string;
  links?: Array<{ href: string; rel: string; title?: string; type?: string }>;
  collections?: Array<{ id: string; title: string; description?: string }>;
  conformsTo?: string[];
  features?: Array<{ id?: string | number; properties?: Record<string, unknown> }>;
  properties?: Record<string, unknown>;
  numberMatched?: number;
};

/**
 * The HTML encoding of an OGC API document (conformance class html): the same content as the
 * JSON, as a page a person can read and browse (links, collections, features as a table).
 */
export async function renderOgcHtml(input: { doc: Doc; base: string; locale: Locale }): Promise<string> {
  const t = createTranslator({
    locale: input.locale,
    messages: await loadMessages(input.locale),
    namespace: "ogcHtml",
  }) as unknown as (key: string, values?: Record<string, string | number>) => string;
  const { doc, base } = input;
  const parts: string[] = [];
  const heading = doc.title ?? (doc.type === "FeatureCollection" ? t("features") : (doc.id ?? "OGC API"));
  parts.push(`<h1>${escape(heading)}</h1>`);
  if (doc.description) parts.push(`<p>${escape(doc.description)}</p>`);
  if (doc.collections) {
    parts.push(`<h2>${escape(t("collections"))}</h2><ul>`);
    for (const c of doc.collections)
      parts.push(
        `<li><a href="${escape(htmlHref(`${base}/collections/${c.id}/items`, base))}">${escape(c.title)}</a> — ${escape(c.description)}</li>`,
      );
    parts.push("</ul>");
  }
  if (doc.conformsTo) parts.push(`<ul>${doc.conformsTo.map((c) => `<li>${escape(c)}</li>`).join("")}</ul>`);
  const rows = doc.features ?? (doc.properties ? [{ id: doc.id, properties: doc.properties }] : null);
  if (rows) {
    if (doc.numberMatched !== undefined)
      parts.push(`<p>${escape(t("matched", { count: doc.numberMatched }))}</p>`);
    const keys = [...new Set(rows.flatMap((r) => Object.keys(r.properties ?? {})))];
    parts.push(
      `<table><thead><tr><th>id</th>${keys.map((k) => `<th>${escape(k)}</th>`).join("")}</tr></thead><tbody>`,
    );
    for (const r of rows)
      parts.push(
        `<tr><td>${escape(r.id)}</td>${keys.map((k) => `<td>${escape(typeof r.properties?.[k] === "object" ? JSON.stringify(r.properties?.[k]) : r.properties?.[k])}</td>`).join("")}</tr>`,
      );
    parts.push("</tbody></table>");
  }
  if (doc.links?.length) {
    parts.push(`<h2>${escape(t("links"))}</h2><ul>`);
    for (const l of doc.links)
      parts.push(
        `<li><a rel="${escape(l.rel)}" href="${escape(htmlHref(l.href, base))}">${escape(l.title ?? l.rel)}</a> (${escape(l.rel)})</li>`,
      );
    parts.push("</ul>");
  }
  return `<!doctype html><html lang="${escape(input.locale)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escape(heading)}</title></head><body><main>${parts.join("")}</main></body></html>`;
}
