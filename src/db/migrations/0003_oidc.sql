-- Pending single sign-on logins: state and PKCE verifier between the redirect to the provider and the
-- callback, kept in the database so any app server can finish the login.
CREATE TABLE oidc_logins (
  state text PRIMARY KEY,
  code_verifier text NOT NULL,
  nonce text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
