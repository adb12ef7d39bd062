-- Who directs the case now: intake, jeugdbeschermer (under a measure) or jeugdteam (voluntary route).
alter table bv_case add column directed_by varchar(20);
update bv_case set directed_by = case when jeugdbeschermer is null then 'intake' else 'jeugdbeschermer' end;
