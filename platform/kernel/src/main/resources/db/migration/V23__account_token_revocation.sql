-- A newer mailed link of a purpose revokes the account's older ones; mail that SMTP carried is
-- kept without its links (only the dev outbox, with no SMTP server, keeps them).

ALTER TABLE account_token ADD COLUMN revoked_at timestamptz;

UPDATE mail_message
   SET body = regexp_replace(body, '\S+\?token=[A-Za-z0-9_-]+', '[removed: sent by mail only]', 'g')
 WHERE delivery = 'SMTP';
