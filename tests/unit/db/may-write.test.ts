import { describe, expect, it } from "vitest";
import { mayWrite } from "../../../db/client";

/**
 * A staff scope that wrote nothing answers without waiting for its commit (db/client.ts): the
 * statements that decide it are read here as they reach the driver.
 */
describe("which statements may change data", () => {
  it.each([
    ['insert into "reports" ("tracking_code") values ($1)'],
    ['update "reports" set "status" = $1 where "reports"."id" = $2'],
    ['delete from "report_followers" where "report_id" = $1'],
    ["with filed as (insert into reports (tracking_code) values ($1) returning id) select id from filed"],
    ["select id from reports where id = $1 for update"],
    ["select id from permits where id = $1 for no key update"],
    ["select id from reports where id = $1 for share"],
    ["select pg_notify('report_changes', $1)"],
    ["merge into reports r using src s on r.id = s.id when matched then update set status = s.status"],
    ["lock table reports in share row exclusive mode"],
    ["create temporary table t as select 1"],
    ["do $$ begin perform 1; end $$"],
  ])("counts %s as a write", (text) => {
    expect(mayWrite(text)).toBe(true);
  });

  it.each([
    ['select "id", "tracking_code", "updated_at" from "reports" where "status" in ($1, $2)'],
    ["select r.id, r.last_updated_by from reports r join service_categories c on c.id = r.category_id"],
    ["with m as (select id from municipalities where ST_Covers(boundary, $1)) select * from m"],
    ["savepoint sp1"],
    ["release savepoint sp1"],
  ])("counts %s as a read", (text) => {
    expect(mayWrite(text)).toBe(false);
  });
});
