-- An application is followed with its registry number and a tracking key that only the applicant is
-- given (the receipt, the e-mails about it). Registry numbers run in sequence, so the number alone
-- would let anyone read every application, refused and withdrawn ones included, with the office's
-- reasons. Without the key, tracking shows what the public record (public_permits) shows of a
-- permit, and nothing of an application outside it. Twelve hexadecimal characters from the
-- server's strong random source: short enough to read out at the counter.
ALTER TABLE permits ADD COLUMN tracking_key text NOT NULL
  DEFAULT upper(substr(replace(gen_random_uuid()::text, '-', ''), 1, 12));
--> statement-breakpoint
-- What tracking shows, for the public role (which reads no permit table): with the right key, the
-- application and its steps with the reasons given; without it, a permit of the public record and
-- its steps, without reasons. A key for one municipality's number never opens another's.
CREATE FUNCTION civic_track_permit(p_reference text, p_key text) RETURNS json
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT json_build_object(
    'reference', p.reference,
    'kind', p.kind,
    'status', p.status,
    'validFrom', p.valid_from::text,
    'validTo', p.valid_to::text,
    'works', p.works_description,
    'decisionDueAt', p.decision_due_at,
    'withKey', k.with_key,
    'steps', coalesce((
      SELECT json_agg(json_build_object(
               'status', e.to_status,
               'note', CASE WHEN k.with_key AND e.kind = 'status_changed' THEN e.note END,
               'at', e.created_at)
             ORDER BY e.created_at, e.id)
      FROM permit_events e
      WHERE e.permit_id = p.id AND e.to_status IS NOT NULL), '[]'::json))
  FROM permits p
  CROSS JOIN LATERAL (SELECT coalesce(p.tracking_key = p_key, false) AS with_key) k
  WHERE upper(p.reference) = p_reference
    AND (k.with_key OR EXISTS (SELECT 1 FROM public_permits pp WHERE pp.id = p.id))
  ORDER BY k.with_key DESC, p.id
  LIMIT 1
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION civic_track_permit(text, text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION civic_track_permit(text, text) TO civic_public, civic_staff;
