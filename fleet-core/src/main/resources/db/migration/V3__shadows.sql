CREATE TABLE shadow (
  thing_name TEXT NOT NULL,
  shadow_name TEXT NOT NULL,
  desired TEXT,
  reported TEXT,
  desired_metadata TEXT,
  reported_metadata TEXT,
  version BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  deleted_at BIGINT,
  PRIMARY KEY (thing_name, shadow_name)
);
CREATE TABLE shadow_history (
  thing_name TEXT NOT NULL,
  shadow_name TEXT NOT NULL,
  version BIGINT NOT NULL,
  document TEXT NOT NULL,
  written_at BIGINT NOT NULL,
  PRIMARY KEY (thing_name, shadow_name, version)
);
