-- A pending single sign-on login belongs to the browser that started it: the SHA-256 of a random value
-- kept in that browser's pre-login cookie. A callback from another browser (login CSRF) finds no login.
DELETE FROM oidc_logins;
ALTER TABLE oidc_logins ADD COLUMN browser_hash text NOT NULL;
