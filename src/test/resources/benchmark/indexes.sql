-- Indexes the benchmark tries on the full caseload, after measuring without them (the "with indexes.sql" rows).
-- Candidates for a Flyway migration in db/vendor/postgresql once they show their worth.

-- Job acquisition looks for due jobs ("DUEDATE_ is null or DUEDATE_ <= now"); without an index on the due date
-- PostgreSQL scans every waiting timer of every open case, each time the job executor looks.
create index if not exists bv_idx_job_duedate on act_ru_job (duedate_);

-- Tasklist's group queue (unassigned, candidate group, sorted by due date, first page of 15): with the
-- unassigned tasks in due-date order the first page is found without sorting the whole queue.
create index if not exists bv_idx_task_unassigned_due on act_ru_task (due_date_) where assignee_ is null;

analyze act_ru_job;
analyze act_ru_task;
