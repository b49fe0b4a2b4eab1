-- AWS IoT Jobs (AWS-IOT-BEHAVIOUR §2): a job and its executions, one per thing and run
CREATE TABLE job (
  job_id TEXT PRIMARY KEY,
  document TEXT NOT NULL,
  description TEXT NOT NULL,
  targets TEXT NOT NULL,
  status TEXT NOT NULL,
  force_canceled INTEGER NOT NULL,
  in_progress_timeout_minutes INTEGER,
  created_at BIGINT NOT NULL,
  last_updated_at BIGINT NOT NULL,
  completed_at BIGINT
);
CREATE TABLE job_execution (
  job_id TEXT NOT NULL REFERENCES job(job_id) ON DELETE CASCADE,
  thing_name TEXT NOT NULL,
  execution_number BIGINT NOT NULL,
  queue_order BIGINT NOT NULL,
  status TEXT NOT NULL,
  status_details TEXT NOT NULL,
  queued_at BIGINT NOT NULL,
  started_at BIGINT,
  last_updated_at BIGINT NOT NULL,
  version_number BIGINT NOT NULL,
  step_deadline BIGINT,
  in_progress_deadline BIGINT,
  PRIMARY KEY (job_id, thing_name, execution_number)
);
CREATE INDEX job_execution_by_thing ON job_execution(thing_name, status);
