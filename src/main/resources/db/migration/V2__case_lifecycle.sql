-- Who holds the case, how and when it ended, and whether it is a re-entry (herhaalde melding).
alter table bv_case add column jeugdbeschermer varchar(64);
alter table bv_case add column closed_at timestamp;
alter table bv_case add column closing_reason varchar(100);
alter table bv_case add column reentry_of varchar(20);

create index bv_child_name_birth on bv_child (last_name, first_name, birth_date);
