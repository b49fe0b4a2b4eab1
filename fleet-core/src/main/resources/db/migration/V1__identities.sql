CREATE TABLE ca_certificate (
  id TEXT PRIMARY KEY,
  pem TEXT NOT NULL,
  subject TEXT NOT NULL,
  status TEXT NOT NULL,
  auto_registration INTEGER NOT NULL,
  not_after BIGINT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE TABLE certificate (
  id TEXT PRIMARY KEY,
  pem TEXT NOT NULL,
  ca_id TEXT,
  subject TEXT NOT NULL,
  status TEXT NOT NULL,
  not_after BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  last_seen BIGINT
);
CREATE TABLE policy (
  name TEXT PRIMARY KEY,
  default_version INTEGER NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE TABLE policy_version (
  policy_name TEXT NOT NULL REFERENCES policy(name) ON DELETE CASCADE,
  version INTEGER NOT NULL,
  document TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (policy_name, version)
);
CREATE TABLE policy_attachment (
  policy_name TEXT NOT NULL REFERENCES policy(name) ON DELETE CASCADE,
  target TEXT NOT NULL,
  PRIMARY KEY (policy_name, target)
);
CREATE TABLE thing (
  name TEXT PRIMARY KEY,
  attributes TEXT NOT NULL,
  version BIGINT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE TABLE thing_principal (
  thing_name TEXT NOT NULL REFERENCES thing(name) ON DELETE CASCADE,
  certificate_id TEXT NOT NULL REFERENCES certificate(id) ON DELETE CASCADE,
  PRIMARY KEY (thing_name, certificate_id)
);
CREATE INDEX thing_principal_by_certificate ON thing_principal(certificate_id);
CREATE TABLE provisioning_template (
  name TEXT PRIMARY KEY,
  body TEXT NOT NULL,
  enabled INTEGER NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE TABLE ownership_token (
  token TEXT PRIMARY KEY,
  certificate_id TEXT NOT NULL REFERENCES certificate(id) ON DELETE CASCADE,
  expires_at BIGINT NOT NULL
);
