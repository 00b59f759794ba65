import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../../db/client";
import { queryOne, queryRows } from "../../../db/query";
import * as t from "../../../db/schema";
import { deleteAccount } from "../../../lib/account/delete-account";
import { exportAccountData } from "../../../lib/account/export-account-data";
import { setMessageLocale } from "../../../lib/account/set-message-locale";
import { unfollowReport } from "../../../lib/account/unfollow-report";
import { addReportComment } from "../../../lib/comments/add-report-comment";
import { fileReport } from "../../../lib/reports/file-report";
import { listMyReports } from "../../../lib/reports/list-my-reports";
import { supportReport } from "../../../lib/reports/support-report";
import { engine } from "../../helpers/engine";
import { buildWorkflowWorld } from "../../helpers/world";

async function citizen(name: string) {
  const email = `${name}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.org`;
  const [user] = await (
    await getDb()
  )
    .insert(t.users)
    .values({ email, name: "Mila Milić", locale: "sr-Latn" })
    .returning({ id: t.users.id });
  return { userId: user!.id, email };
}

describe(`a citizen's account: My reports, language, data and deletion on the ${engine} engine`, () => {
  let world: Awaited<ReturnType<typeof buildWorkflowWorld>>;
  beforeAll(async () => {
    world = await buildWorkflowWorld({ west: 20.5, south: 44.4 });
  });

  async function threeReports(me: { userId: number; email: string }, phone = "+381641234567") {
    const db = await getDb();
    const at = (dx: number): [number, number] => [world.inside[0] + dx, world.inside[1]];
    const filed = await fileReport({
      db,
      report: {
        serviceCode: world.category.serviceCode,
        position: at(0),
        description: "moja",
        contact: { name: "Mila Milić", phone },
      },
      citizen: me,
    });
    const supported = await fileReport({
      db,
      report: { serviceCode: world.category.serviceCode, position: at(0.01), description: "podržana" },
    });
    const followed = await fileReport({
      db,
      report: { serviceCode: world.category.serviceCode, position: at(0.02), description: "praćena" },
    });
    await supportReport({ db, code: supported.trackingCode, body: { support: true }, citizen: me });
    await supportReport({ db, code: followed.trackingCode, body: { support: false }, citizen: me });
    return { filed, supported, followed };
  }

  it("lists filed, supported and followed reports apart, and unfollowing removes one", async () => {
    const db = await getDb();
    const me = await citizen("mila");
    const { filed, supported, followed } = await threeReports(me);
    const relations = async () =>
      new Map(
        (await listMyReports({ db, userId: me.userId, locale: "en" })).map((r) => [r.code, r.relation]),
      );
    expect(await relations()).toEqual(
      new Map([
        [filed.trackingCode, "filed"],
        [supported.trackingCode, "supported"],
        [followed.trackingCode, "following"],
      ]),
    );
    expect(await unfollowReport({ db, citizen: me, code: followed.trackingCode })).toEqual({ removed: 1 });
    expect((await relations()).has(followed.trackingCode)).toBe(false);
    // Their own report cannot be "unfollowed" away.
    expect(await unfollowReport({ db, citizen: me, code: filed.trackingCode })).toEqual({ removed: 0 });
    expect((await relations()).get(filed.trackingCode)).toBe("filed");
  });

  it("sets the language of messages on the account and on every report they filed or follow", async () => {
    const db = await getDb();
    const me = await citizen("jezik");
    const { filed, supported } = await threeReports(me);
    await setMessageLocale({ db, userId: me.userId, locale: "sr-Cyrl" });
    const locales = await queryRows<{ locale: string }>(
      db,
      sql`select locale from users where id = ${me.userId}
          union all select locale from report_contacts where report_id = ${filed.id}
          union all select locale from report_followers where report_id = ${supported.id} and user_id = ${me.userId}`,
    );
    expect(locales.map((l) => l.locale)).toEqual(["sr-Cyrl", "sr-Cyrl", "sr-Cyrl"]);
    await expect(setMessageLocale({ db, userId: me.userId, locale: "de" })).rejects.toMatchObject({
      code: "unprocessable",
    });
  });

  it("exports the citizen's data and deletes the account, leaving the reports anonymised", async () => {
    const db = await getDb();
    const me = await citizen("brisanje");
    const phone = `+38164${String(Date.now()).slice(-7)}`;
    const { filed, supported } = await threeReports(me, phone);
    await addReportComment({ db, code: filed.trackingCode, citizen: me, body: "Još uvek stoji." });
    const data = await exportAccountData({ db, userId: me.userId });
    expect(data.account.email).toBe(me.email);
    expect(data.filed).toMatchObject([
      { code: filed.trackingCode, contact: { name: "Mila Milić", phone, email: me.email } },
    ]);
    expect(data.following.map((f) => [f.code, f.supported])).toEqual(
      expect.arrayContaining([[supported.trackingCode, true]]),
    );
    // The test municipality moderates comments afterwards (the default): the update is public at once.
    expect(data.comments).toMatchObject([
      { code: filed.trackingCode, body: "Još uvek stoji.", state: "published" },
    ]);

    const supportersBefore = await queryOne<{ n: number }>(
      db,
      sql`select supporters_count as n from reports where id = ${supported.id}`,
    );
    await deleteAccount({ db, userId: me.userId });
    const left = await queryOne<{ contacts: number; followers: number; comments: number; reports: number }>(
      db,
      sql`select (select count(*)::int from report_contacts where user_id = ${me.userId} or email = ${me.email} or phone = ${phone}) as contacts,
                 (select count(*)::int from report_followers where user_id = ${me.userId} or email = ${me.email}) as followers,
                 (select count(*)::int from report_comments where user_id = ${me.userId}) as comments,
                 (select count(*)::int from reports where id in (${filed.id}, ${supported.id})) as reports`,
    );
    expect(left).toEqual({ contacts: 0, followers: 0, comments: 0, reports: 2 });
    const user = await queryOne<{ email: string; active: boolean; name: string }>(
      db,
      sql`select email, active, name from users where id = ${me.userId}`,
    );
    expect(user).toEqual({ email: `deleted-${me.userId}@invalid`, active: false, name: "" });
    // Support given stays counted: the problem affected someone.
    const supportersAfter = await queryOne<{ n: number }>(
      db,
      sql`select supporters_count as n from reports where id = ${supported.id}`,
    );
    expect(supportersAfter!.n).toBe(supportersBefore!.n);
    await expect(exportAccountData({ db, userId: me.userId })).rejects.toMatchObject({ code: "not_found" });
  });
});
