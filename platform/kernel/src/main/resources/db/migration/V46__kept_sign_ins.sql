-- A UI sign-in kept across nodes holds a refresh token that is not rotated but shown on each visit:
-- when it was last seen bounds how long a browser may stay away and still come back signed in.
ALTER TABLE refresh_token ADD COLUMN last_seen_at timestamptz;
