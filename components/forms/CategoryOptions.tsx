import type { CategoryGroupChoice } from "@/lib/reports/list-categories";

/** The options of a category `<select>`: an empty choice, then the categories grouped. */
export function CategoryOptions({
  groups,
  emptyLabel,
}: {
  groups: CategoryGroupChoice[];
  emptyLabel: string;
}) {
  return (
    <>
      <option value="">{emptyLabel}</option>
      {groups.map((g) => (
        <optgroup key={g.code} label={g.name}>
          {g.categories.map((c) => (
            <option key={c.serviceCode} value={c.serviceCode}>
              {c.name}
            </option>
          ))}
        </optgroup>
      ))}
    </>
  );
}
