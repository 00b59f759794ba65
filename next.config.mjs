import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WebAssembly and data files from node_modules at run time; bundling it
  // would copy ~36 MB into static assets and break those paths.
  // sql.js (GeoPackage import) loads its WebAssembly file from node_modules as well.
  serverExternalPackages: ["@electric-sql/pglite", "@electric-sql/pglite-postgis", "sql.js"],
  poweredByHeader: false,
  outputFileTracingIncludes: { "/**": ["./db/migrations/**/*"] },
  outputFileTracingExcludes: { "/**": ["./data/**/*", "./.test-data/**/*"] },
  // MapLibre's worker inside the field app's service-worker scope, so the service worker controls
  // it offline (components/map/create-map.ts).
  async rewrites() {
    return [{ source: "/staff/field/maplibre-gl-worker.mjs", destination: "/vendor/maplibre-gl-worker.mjs" }];
  },
};

export default withNextIntl(nextConfig);
