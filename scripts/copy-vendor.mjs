// Serves MapLibre's worker from the app itself: once bundled, MapLibre cannot find its worker
// (see README), so the page points it at /vendor/maplibre-gl-worker.mjs.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
const source = path.join(root, "node_modules", "maplibre-gl", "dist", "maplibre-gl-worker.mjs");
const target = path.join(root, "public", "vendor", "maplibre-gl-worker.mjs");
if (fs.existsSync(source)) {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.copyFileSync(source, target);
}
