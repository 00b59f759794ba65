-- The geometry types of every later migration need PostGIS; drizzle-kit does not emit extensions.
CREATE EXTENSION IF NOT EXISTS postgis;
