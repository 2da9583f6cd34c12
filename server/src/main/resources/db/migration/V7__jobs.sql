-- Durable jobs (docs/jobs.md): db-scheduler's table, and the jobs that failed every attempt.

-- db-scheduler 16.x's own table for PostgreSQL, as its postgresql_tables.sql defines it (with the priority column
-- and indexes of 15.0 onwards). The library reads and writes it by these names: do not rename or retype a column.
-- task_name is the job's kind, task_instance its key, task_data its payload, workspace, priority and enqueue time as
-- JSON; a row exists while the job is pending or running and is deleted when it succeeds or is dead-lettered.
create table scheduled_tasks (
    task_name             text not null,
    task_instance         text not null,
    task_data             bytea,
    execution_time        timestamp with time zone not null,
    picked                boolean not null,
    picked_by             text,
    last_success          timestamp with time zone,
    last_failure          timestamp with time zone,
    consecutive_failures  int,
    last_heartbeat        timestamp with time zone,
    version               bigint not null,
    priority              smallint,
    primary key (task_name, task_instance)
);
create index execution_time_idx on scheduled_tasks (execution_time);
create index last_heartbeat_idx on scheduled_tasks (last_heartbeat);
create index priority_execution_time_idx on scheduled_tasks (priority desc, execution_time asc);

-- A job whose handler failed as many times as it allows, moved here from scheduled_tasks in one transaction. It keeps
-- its payload for one replay, which enqueues it again under replay_key. workspace_id has no foreign key on purpose:
-- it comes from the job's stored data, and moving a job here must not fail on it. last_error is the exception's
-- class and message, with URL credentials and queries cut and at most 1000 characters.
create table job_dead_letters (
    id                  uuid primary key,
    workspace_id        uuid,
    kind                text not null,
    job_key             text not null,
    payload             text not null,
    priority            text not null check (priority in ('critical', 'default', 'bulk')),
    attempts            int not null check (attempts > 0),
    last_error          text not null,
    first_enqueued_at   timestamptz not null,
    failed_at           timestamptz not null,
    replayed_at         timestamptz,
    replayed_by         uuid references principals (id),
    replayed_by_name    text,
    replay_key          text,
    check ((replayed_at is null and replayed_by is null and replayed_by_name is null and replay_key is null)
        or (replayed_at is not null and replayed_by is not null and replayed_by_name is not null and replay_key is not null))
);
create index job_dead_letters_by_workspace on job_dead_letters (workspace_id, id);
