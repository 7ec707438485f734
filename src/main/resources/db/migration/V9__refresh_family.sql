-- Refresh tokens are single use (OAuth 2.0 Security Best Current Practice): a sign-in starts a family,
-- each refresh moves the family on to a new token (current_jti), and a token of the family that is not
-- its current one (a replay: stolen, or sent twice) revokes the whole family.
CREATE TABLE refresh_family (
    id          UUID PRIMARY KEY,
    user_id     BIGINT NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    current_jti UUID NOT NULL,
    expires     TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked     BOOLEAN NOT NULL DEFAULT false
);
CREATE INDEX refresh_family_user ON refresh_family (user_id);
