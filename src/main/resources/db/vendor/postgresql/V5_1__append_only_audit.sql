create trigger bv_audit_append_only before update or delete on bv_audit
  for each row execute function bv_refuse_change();
