-- On PostgreSQL the database itself keeps the gezinsplan and the safety scores append-only.
create function bv_refuse_change() returns trigger as $$
begin
  raise exception 'Table % is append-only: % is not allowed', TG_TABLE_NAME, TG_OP;
end;
$$ language plpgsql;

create trigger bv_plan_revision_append_only before update or delete on bv_plan_revision
  for each row execute function bv_refuse_change();
create trigger bv_safety_score_append_only before update or delete on bv_safety_score
  for each row execute function bv_refuse_change();
