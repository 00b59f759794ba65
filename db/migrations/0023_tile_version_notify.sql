-- Each app process keeps the tile layers' versions in memory instead of reading them for every
-- cached tile: a bump now also announces the new version (delivered at commit, to every process
-- listening on 'tile_layer_versions'), as "<layer>:<version>".
CREATE OR REPLACE FUNCTION tile_layer_bump() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  bumped bigint;
BEGIN
  IF current_setting('civic.tile_bumped_' || TG_ARGV[0], true) IS DISTINCT FROM txid_current()::text THEN
    UPDATE tile_layer_versions SET version = version + 1 WHERE layer = TG_ARGV[0] RETURNING version INTO bumped;
    PERFORM set_config('civic.tile_bumped_' || TG_ARGV[0], txid_current()::text, true);
    PERFORM pg_notify('tile_layer_versions', TG_ARGV[0] || ':' || bumped);
  END IF;
  RETURN NULL;
END $$;
