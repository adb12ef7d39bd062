-- Indexes on the engine's own tables, made at every start on PostgreSQL once the engine has its schema
-- (EngineIndexes; "if not exists" makes it a no-op after the first time). The benchmark showed their
-- worth at 40,000 open cases (README, "Benchmark").
-- Tasklist's group queue (unassigned, candidate group, sorted by due date, first page of 15): with the
-- unassigned tasks in due-date order the first page is found without sorting the whole queue.
create index if not exists bv_idx_task_unassigned_due on act_ru_task (due_date_) where assignee_ is null;

-- Job acquisition looks for due jobs; without an index on the due date PostgreSQL reads every waiting
-- timer of every open case each time the job executor looks.
create index if not exists bv_idx_job_duedate on act_ru_job (duedate_);

-- Every task query of a logged-in user joins the authorizations of that user or their groups; Camunda
-- indexes the group but not the user, so PostgreSQL read the whole table for it (292,343 rows at
-- 40,000 open cases); with this index both are looked up, and the group queue's task query went from
-- 49 to 25 ms (what remains is Camunda's join of tasks and grants, README "Benchmark").
create index if not exists bv_idx_auth_user on act_ru_authorization (user_id_);
