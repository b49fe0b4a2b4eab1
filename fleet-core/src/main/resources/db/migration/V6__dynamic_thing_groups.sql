ALTER TABLE thing_group ADD COLUMN query_string TEXT;
ALTER TABLE thing_group ADD COLUMN query_version TEXT;
ALTER TABLE thing_group ADD COLUMN dynamic_status TEXT;
CREATE TABLE dynamic_group_member (
  group_name TEXT NOT NULL REFERENCES thing_group(name) ON DELETE CASCADE,
  thing_name TEXT NOT NULL REFERENCES thing(name) ON DELETE CASCADE,
  PRIMARY KEY (group_name, thing_name)
);
CREATE INDEX dynamic_group_member_by_thing ON dynamic_group_member(thing_name);
