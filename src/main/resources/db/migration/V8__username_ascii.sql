-- Usernames are what sign-up has always accepted: 3-30 ASCII letters, digits, '.', '_' or '-'. Checked
-- here too, so lower(username) (the unique index, the sign-in lookup) and the application's ASCII lower
-- case (the sign-in throttle) are one canonical form for every account.
ALTER TABLE app_user ADD CONSTRAINT app_user_username_ascii CHECK (username ~ '^[A-Za-z0-9._-]{3,30}$');
