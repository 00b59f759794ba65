#!/usr/bin/env bash
# Writes the geodata import fixtures (tests/fixtures/geodata/) from the GeoJSON sources beside them,
# with GDAL, so the test files are real files in each format and CRS as other software writes them.
# Needs ogr2ogr (gdal-bin) and zip. Run from anywhere: bash scripts/build-geodata-fixtures.sh
set -euo pipefail
cd "$(dirname "$0")/../tests/fixtures/geodata"
src=sources
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
rm -f boundary-4326.geojson boundary-32634.geojson boundary-3909.gpkg districts-32634.zip bowtie-4326.geojson \
  unknown-crs.geojson corrupt-shapefile.zip corrupt.gpkg

# GeoJSON in EPSG:4326, as GDAL writes it (a CRS84 member).
ogr2ogr -f GeoJSON -lco RFC7946=NO boundary-4326.geojson "$src/municipality.geojson"
# GeoJSON that declares UTM 34N in its crs member.
ogr2ogr -f GeoJSON -t_srs EPSG:32634 boundary-32634.geojson "$src/municipality.geojson"
# GeoPackage in MGI 1901 / Balkans zone 7 (EPSG:3909), a layer with a Serbian name.
ogr2ogr -f GPKG -t_srs EPSG:3909 -nln granica boundary-3909.gpkg "$src/municipality.geojson"
# Zipped Shapefile in UTM 34N (EPSG:32634) with its .prj and a UTF-8 .cpg.
ogr2ogr -f "ESRI Shapefile" -t_srs EPSG:32634 -lco ENCODING=UTF-8 "$tmp/mesne_zajednice.shp" "$src/districts.geojson"
(cd "$tmp" && zip -q -X ../districts.zip mesne_zajednice.*) && mv "$tmp/../districts.zip" districts-32634.zip
# A self-intersecting (bow-tie) polygon and a point, in EPSG:4326.
ogr2ogr -f GeoJSON -lco RFC7946=NO bowtie-4326.geojson "$src/bowtie.geojson"
# A CRS the importer does not know (Romanian Stereo 70).
ogr2ogr -f GeoJSON -t_srs EPSG:31700 unknown-crs.geojson "$src/municipality.geojson"
# Corrupt files: a Shapefile zip cut short, and a GeoPackage whose database pages are garbage.
head -c 400 districts-32634.zip > corrupt-shapefile.zip
{ printf 'SQLite format 3\000'; head -c 2048 /dev/zero | tr '\000' 'x'; } > corrupt.gpkg
ls -l
