ALTER TABLE certificate ADD COLUMN revoked_at BIGINT;
