"use client";

import { useTranslations } from "next-intl";
import { moveBy, STEP_METRES, type Position } from "./position";

/**
 * The report form's place without a map (WebGL off): the street search above sets it, and these
 * buttons nudge it by 10 m; the form announces the place under it after each move.
 */
export function PinWithoutMap({
  position,
  onChange,
}: {
  position: Position | null;
  onChange: (position: Position) => void;
}) {
  const t = useTranslations("noMap");
  const move = (east: number, north: number) => {
    if (!position) return;
    onChange(moveBy(position, east * STEP_METRES, north * STEP_METRES));
  };
  const directions = [
    ["north", 0, 1],
    ["west", -1, 0],
    ["east", 1, 0],
    ["south", 0, -1],
  ] as const;
  return (
    <div className="picker without-map" data-state="no-map" data-testid="pin-without-map">
      <p className="banner info" role="status">
        {t("pinWithoutMap")}
      </p>
      <div className="row">
        {directions.map(([name, east, north]) => (
          <button
            key={name}
            type="button"
            className="secondary"
            disabled={!position}
            onClick={() => move(east, north)}
          >
            {t("move", { direction: t(name) })}
          </button>
        ))}
      </div>
    </div>
  );
}
