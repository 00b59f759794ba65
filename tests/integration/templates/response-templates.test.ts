import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../../db/client";
import * as t from "../../../db/schema";
import { getPublicReport } from "../../../lib/reports/get-public-report";
import { fillResponseTemplate } from "../../../lib/templates/fill-response-template";
import { listResponseTemplates } from "../../../lib/templates/list-response-templates";
import {
  createResponseTemplate,
  deactivateResponseTemplate,
} from "../../../lib/templates/save-response-template";
import { performReportAction } from "../../../lib/workflow/perform-report-action";
import { buildCategory, buildReport } from "../../helpers/builders";
import { engine } from "../../helpers/engine";
import { buildWorkflowWorld } from "../../helpers/world";

describe(`response templates on the ${engine} engine`, () => {
  let world: Awaited<ReturnType<typeof buildWorkflowWorld>>;

  beforeAll(async () => {
    world = await buildWorkflowWorld({ west: 19.1, south: 44.7 });
  });

  it("offers the report's category's templates and the general ones, and a template fills the public message", async () => {
    const db = await getDb();
    const municipalityId = world.municipality.id;
    const other = await buildCategory({ municipalityId, sector: "roads", slaWorkingDays: 5 });
    const fixed = await createResponseTemplate({
      db,
      municipalityId,
      template: {
        categoryId: world.category.id,
        setsStatus: "in_progress",
        title: { "sr-Latn": "Ekipa izašla", en: "Crew out" },
        body: { "sr-Latn": "Ekipa vodovoda je izašla na teren.", en: "The water crew is on site." },
      },
    });
    const general = await createResponseTemplate({
      db,
      municipalityId,
      template: {
        categoryId: null,
        setsStatus: null,
        title: { "sr-Latn": "Hvala", en: "Thanks" },
        body: { "sr-Latn": "Hvala na prijavi.", en: "Thank you for reporting." },
      },
    });
    await createResponseTemplate({
      db,
      municipalityId,
      template: {
        categoryId: other.id,
        setsStatus: null,
        title: { "sr-Latn": "Put", en: "Road" },
        body: { "sr-Latn": "Put.", en: "Road." },
      },
    });
    const withdrawn = await createResponseTemplate({
      db,
      municipalityId,
      template: {
        categoryId: null,
        setsStatus: null,
        title: { "sr-Latn": "Staro", en: "Old" },
        body: { "sr-Latn": "Staro.", en: "Old." },
      },
    });
    await deactivateResponseTemplate({ db, municipalityId, id: withdrawn.id });
    await expect(
      createResponseTemplate({
        db,
        municipalityId: municipalityId + 10_000,
        template: {
          categoryId: world.category.id,
          setsStatus: null,
          title: { "sr-Latn": "X", en: "X" },
          body: { "sr-Latn": "X", en: "X" },
        },
      }),
    ).rejects.toMatchObject({ code: "unprocessable" });

    const report = await buildReport({
      municipalityId,
      categoryId: world.category.id,
      position: world.inside,
      status: "assigned",
    });
    await db
      .update(t.reports)
      .set({ assignedOrganisationId: world.water.id })
      .where(eq(t.reports.id, report.id));
    const offered = await listResponseTemplates({ db, reportId: report.id, locale: "en" });
    expect(offered.map((o) => [o.id, o.title])).toEqual([
      [fixed.id, "Crew out"],
      [general.id, "Thanks"],
    ]);
    expect(offered[0]!.body["sr-Cyrl"]).toBe("Екипа водовода је изашла на терен.");

    const fill = fillResponseTemplate({
      template: offered[0]!,
      locale: "sr-Latn",
      transitions: ["in_progress", "resolved"],
    });
    expect(fill).toEqual({ publicText: "Ekipa vodovoda je izašla na teren.", to: "in_progress" });
    await performReportAction({
      db,
      reportId: report.id,
      expectedVersion: report.version,
      actor: world.actors.waterOperator,
      action: { type: "transition", to: "in_progress", publicText: `${fill.publicText} Dolazak do 14h.` },
    });
    const pub = await getPublicReport({ db, code: report.trackingCode, locale: "sr-Latn" });
    expect(pub?.status).toBe("in_progress");
    expect(pub?.timeline.map((e) => e.text)).toContain("Ekipa vodovoda je izašla na teren. Dolazak do 14h.");
  });
});
