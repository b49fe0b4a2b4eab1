ALTER TABLE thing ADD COLUMN thing_type TEXT;
CREATE TABLE thing_type (
  name TEXT PRIMARY KEY,
  description TEXT,
  searchable_attributes TEXT NOT NULL,
  deprecated_at BIGINT,
  created_at BIGINT NOT NULL
);
CREATE TABLE thing_group (
  name TEXT PRIMARY KEY,
  parent TEXT REFERENCES thing_group(name),
  attributes TEXT NOT NULL,
  version BIGINT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE TABLE thing_group_member (
  group_name TEXT NOT NULL REFERENCES thing_group(name) ON DELETE CASCADE,
  thing_name TEXT NOT NULL REFERENCES thing(name) ON DELETE CASCADE,
  PRIMARY KEY (group_name, thing_name)
);
CREATE INDEX thing_group_member_by_thing ON thing_group_member(thing_name);
