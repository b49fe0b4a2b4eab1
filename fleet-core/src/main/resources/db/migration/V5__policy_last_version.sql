ALTER TABLE policy ADD COLUMN last_version INTEGER NOT NULL DEFAULT 1;
UPDATE policy SET last_version = (SELECT MAX(version) FROM policy_version WHERE policy_version.policy_name = policy.name);
