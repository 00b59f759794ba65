-- Who hears that a report was filed at a works site is the permit's business, not the filer's. The
-- holder is told through the applicant's contact whoever files (a citizen, the contact centre, a
-- crew in the field), though only the permits office reads applicants (permit_applicants_staff):
-- staff filings next to a site reached the contractor and the issuing department only. This gives
-- the notice's address and language and nothing more, for a permit in the public record
-- (public_permits) of a municipality a staff caller works for; the public role gets nothing.
CREATE FUNCTION civic_permit_holder_notice_to(p_permit int) RETURNS json
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT json_build_object('email', a.email, 'locale', a.locale)
  FROM public_permits p
  JOIN permit_applicants a ON a.permit_id = p.id
  WHERE p.id = p_permit AND a.email IS NOT NULL
    -- The caller's role (SET ROLE or the connection's startup role), not the owner this runs as.
    AND CASE current_setting('role')
          WHEN 'none' THEN true
          WHEN 'civic_staff' THEN p.municipality_id = ANY (civic_claim('staff'))
          ELSE false
        END
$$;
