-- The permits office's role reaches every permit of the municipality with its applicants and
-- documents, so it is granted only where that office sits: for the whole municipality (by its
-- administrator) or in one of the municipality's departments. An organisation's administrator of a
-- utility, an inspectorate or the contact centre can no longer give it to their own staff, as they
-- could not give desk rights (the agent rule, migration 0019, is kept as it was).
CREATE OR REPLACE FUNCTION memberships_check_scope() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.organisation_id IS NOT NULL AND NOT EXISTS (
       SELECT 1 FROM organisations o WHERE o.id = NEW.organisation_id AND o.municipality_id = NEW.municipality_id) THEN
    RAISE EXCEPTION 'membership organisation % is not in municipality %', NEW.organisation_id, NEW.municipality_id
      USING ERRCODE = 'check_violation';
  END IF;
  IF NEW.role = 'agent' AND NOT EXISTS (
       SELECT 1 FROM organisations o WHERE o.id = NEW.organisation_id AND o.kind = 'contact_centre') THEN
    RAISE EXCEPTION 'the agent role is granted in a contact-centre organisation only'
      USING ERRCODE = 'check_violation';
  END IF;
  IF NEW.role = 'permit_officer' AND NEW.organisation_id IS NOT NULL AND NOT EXISTS (
       SELECT 1 FROM organisations o WHERE o.id = NEW.organisation_id AND o.kind = 'department') THEN
    RAISE EXCEPTION 'the permit_officer role is granted municipality-wide or in a department only'
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
