-- How long a promotion waits for an external deployer to report a step before it takes the step back, and since when
-- it has been waiting for the current step's report (null while it waits for nothing; cleared by every transition).
alter table promotions add column deploy_timeout_ms bigint not null default 1800000;
alter table promotions add column report_awaited_since timestamptz;
