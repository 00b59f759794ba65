import { getFormatter, getTranslations } from "next-intl/server";

/** The due date of a queue row and how it stands in working days: due in, overdue by, or paused. */
export async function QueueDue({
  dueAt,
  workingDaysLeft,
}: {
  dueAt: string | null;
  workingDaysLeft: number | null;
}) {
  const t = await getTranslations("staff");
  const format = await getFormatter();
  return (
    <>
      {dueAt ? format.dateTime(new Date(dueAt), "short") : "—"}{" "}
      <span className="hint">
        {workingDaysLeft === null
          ? t("paused")
          : workingDaysLeft < 0
            ? t("overdueBy", { days: -workingDaysLeft })
            : t("dueIn", { days: workingDaysLeft })}
      </span>
    </>
  );
}
