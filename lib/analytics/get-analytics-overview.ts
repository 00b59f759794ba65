import "server-only";
import type { Database } from "../../db/client";
import type { Locale } from "../i18n/config";
import { countBacklogByAge } from "./count-backlog-by-age";
import { countChannels } from "./count-channels";
import { countReportsByDistrict } from "./count-reports-by-district";
import { countVolume } from "./count-volume";
import type { AnalyticsFilters } from "./filters";
import { findHotspots } from "./find-hotspots";
import { measureContactCentre } from "./measure-contact-centre";
import { measureKeyFigures } from "./measure-key-figures";
import { measureOnTimeShare } from "./measure-on-time-share";
import { measureResolutionTimes } from "./measure-resolution-times";

/**
 * Every figure of the analytics workspace for one set of filters (the page and its printable
 * summary show the same numbers). The queries run one after another: the embedded engine has a
 * single session, and on a server each is short.
 */
export async function getAnalyticsOverview(input: {
  db: Database;
  municipalityId: number;
  filters: AnalyticsFilters;
  locale: Locale;
  now?: Date;
}) {
  return {
    key: await measureKeyFigures(input),
    districts: await countReportsByDistrict(input),
    hotspots: await findHotspots(input),
    volume: await countVolume(input),
    resolution: await measureResolutionTimes(input),
    onTime: await measureOnTimeShare(input),
    backlog: await countBacklogByAge(input),
    contactCentre: await measureContactCentre(input),
    channels: await countChannels(input),
  };
}

export type AnalyticsOverview = Awaited<ReturnType<typeof getAnalyticsOverview>>;
