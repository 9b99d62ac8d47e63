-- Audit rows are immutable in the database itself, not only in the code: any UPDATE, DELETE or TRUNCATE
-- on GrievanceAuditLog or AuditLog is rejected, whoever issues it. Foreign keys into these tables are
-- ON DELETE RESTRICT (see schema.prisma), so no cascade can remove them either.
CREATE FUNCTION reject_audit_log_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit log rows are immutable: % on "%" is not allowed', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'integrity_constraint_violation';
END;
$$;

CREATE TRIGGER "GrievanceAuditLog_immutable_rows"
  BEFORE UPDATE OR DELETE ON "GrievanceAuditLog"
  FOR EACH ROW EXECUTE FUNCTION reject_audit_log_change();

CREATE TRIGGER "GrievanceAuditLog_no_truncate"
  BEFORE TRUNCATE ON "GrievanceAuditLog"
  FOR EACH STATEMENT EXECUTE FUNCTION reject_audit_log_change();

CREATE TRIGGER "AuditLog_immutable_rows"
  BEFORE UPDATE OR DELETE ON "AuditLog"
  FOR EACH ROW EXECUTE FUNCTION reject_audit_log_change();

CREATE TRIGGER "AuditLog_no_truncate"
  BEFORE TRUNCATE ON "AuditLog"
  FOR EACH STATEMENT EXECUTE FUNCTION reject_audit_log_change();
