"use client";

import { useEffect, useId, useState } from "react";
import { useTranslations } from "next-intl";

type Hit = { name: string; kind: string; position: [number, number] };

/**
 * Street and place search as a combobox: type, then pick with the arrow keys and Enter, or tap.
 * An address with a house number ("Karađorđeva 10") is geocoded too (the geocoder Open311's
 * address_string uses) and offered first.
 */
export function PlaceSearch({ onPick }: { onPick: (position: [number, number], name: string) => void }) {
  const t = useTranslations("report");
  const id = useId();
  const [query, setQuery] = useState("");
  const [hits, setHits] = useState<Hit[]>([]);
  const [active, setActive] = useState(-1);
  const [open, setOpen] = useState(false);
  const [searched, setSearched] = useState(false);
  // The text shown after a pick is the place's name, not a new query.
  const [picked, setPicked] = useState<string | null>(null);

  useEffect(() => {
    if (query === picked || query.trim().length < 2) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const q = encodeURIComponent(query);
        const [places, address] = await Promise.all([
          fetch(`/api/places/search?q=${q}`, { signal: controller.signal }).then((res) =>
            res.ok ? (res.json() as Promise<{ places: Hit[] }>) : { places: [] },
          ),
          /\d/.test(query)
            ? fetch(`/api/places/geocode?q=${q}`, { signal: controller.signal }).then((res) =>
                res.ok ? (res.json() as Promise<{ matched: string; position: [number, number] }>) : null,
              )
            : null,
        ]);
        setHits([
          ...(address ? [{ name: address.matched, kind: "address", position: address.position }] : []),
          ...places.places,
        ]);
        setActive(-1);
        setOpen(true);
        setSearched(true);
      } catch {
        // A newer query replaced this one.
      }
    }, 200);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query, picked]);

  // Too short a query shows nothing, whatever an earlier search found.
  const shown = query.trim().length < 2 ? [] : hits;
  const showNoResults = searched && query.trim().length >= 2 && hits.length === 0;

  const choose = (hit: Hit) => {
    setPicked(hit.name);
    setQuery(hit.name);
    setSearched(false);
    setOpen(false);
    onPick(hit.position, hit.name);
  };

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (!open || shown.length === 0) return;
    if (event.key === "ArrowDown") {
      event.preventDefault();
      setActive((a) => (a + 1) % hits.length);
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      setActive((a) => (a <= 0 ? hits.length - 1 : a - 1));
    } else if (event.key === "Enter" && active >= 0) {
      event.preventDefault();
      choose(hits[active]!);
    } else if (event.key === "Escape") {
      setOpen(false);
    }
  };

  return (
    <div className="place-search">
      <label htmlFor={`${id}-input`}>{t("searchLabel")}</label>
      <input
        id={`${id}-input`}
        type="search"
        role="combobox"
        aria-expanded={open && shown.length > 0}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={active >= 0 ? `${id}-opt-${active}` : undefined}
        placeholder={t("searchPlaceholder")}
        value={query}
        autoComplete="off"
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={onKeyDown}
      />
      {open && shown.length > 0 ? (
        <ul id={`${id}-list`} role="listbox" className="place-results">
          {shown.map((hit, i) => (
            <li
              key={`${hit.name}-${i}`}
              id={`${id}-opt-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? "active" : undefined}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => choose(hit)}
            >
              {hit.name}
            </li>
          ))}
        </ul>
      ) : null}
      {showNoResults ? (
        <p className="hint" role="status">
          {t("searchNoResults")}
        </p>
      ) : null}
    </div>
  );
}
