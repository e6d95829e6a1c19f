-- Bumped whenever an account's sessions must end (disabled, password reset or changed, signed out
-- everywhere): access tokens and UI sessions of an older generation stop working at once.
ALTER TABLE user_account ADD COLUMN session_generation bigint NOT NULL DEFAULT 0;
