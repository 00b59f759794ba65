import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

// The basemap's host (MAP_STYLE_URL at build time): its style, tiles, sprites and glyphs are fetched
// by MapLibre. Everything else the pages load comes from this site.
const mapOrigins = (() => {
  try {
    const url = new URL(process.env.MAP_STYLE_URL ?? "https://tiles.openfreemap.org/styles/positron");
    return url.protocol === "https:" || url.protocol === "http:" ? [url.origin] : [];
  } catch {
    return [];
  }
})();

/**
 * Security headers on every response (OWASP ASVS V14.4). The policy lets MapLibre run: its worker
 * is served by the app (public/vendor) and it makes blob: workers and data:/blob: images; styles
 * are inline (React and MapLibre set them). Scripts stay 'self' plus inline for Next's hydration
 * data. HSTS is the TLS proxy's to send (deploy/, docs/operations.md).
 */
const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  `connect-src 'self' ${mapOrigins.join(" ")}`.trim(),
  "worker-src 'self' blob:",
  "child-src 'self' blob:",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

export const securityHeaders = [
  { key: "Content-Security-Policy", value: contentSecurityPolicy },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(self), geolocation=(self), microphone=()" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WebAssembly and data files from node_modules at run time; bundling it
  // would copy ~36 MB into static assets and break those paths.
  // sql.js (GeoPackage import) loads its WebAssembly file from node_modules as well.
  serverExternalPackages: ["@electric-sql/pglite", "@electric-sql/pglite-postgis", "sql.js"],
  poweredByHeader: false,
  outputFileTracingIncludes: { "/**": ["./db/migrations/**/*"] },
  outputFileTracingExcludes: { "/**": ["./data/**/*", "./.test-data/**/*"] },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
  // MapLibre's worker inside the field app's service-worker scope, so the service worker controls
  // it offline (components/map/create-map.ts).
  async rewrites() {
    return [{ source: "/staff/field/maplibre-gl-worker.mjs", destination: "/vendor/maplibre-gl-worker.mjs" }];
  },
};

export default withNextIntl(nextConfig);
