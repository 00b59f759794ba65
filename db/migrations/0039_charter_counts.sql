-- The customer charter's figures (/charter): per category, how many reports fell due in a window
-- and how many of them were resolved by their due date. The service's record counts every report
-- (private categories such as noise, and reports hidden by moderation, too), but the public sees
-- only these counts per category, never a report. The one place that decides it; the public role
-- runs it and reads no report table.
CREATE FUNCTION civic_charter_counts(p_municipality int, p_from timestamptz, p_to timestamptz)
  RETURNS TABLE (category_id int, due_total int, on_time int)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT r.category_id,
         count(*)::int,
         (count(*) FILTER (WHERE r.resolved_at IS NOT NULL AND r.resolved_at <= r.due_at))::int
  FROM reports r
  WHERE r.municipality_id = p_municipality
    AND r.due_at > p_from AND r.due_at <= p_to
    AND r.status NOT IN ('rejected', 'duplicate')
  GROUP BY r.category_id
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION civic_charter_counts(int, timestamptz, timestamptz) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION civic_charter_counts(int, timestamptz, timestamptz) TO civic_public, civic_staff;
