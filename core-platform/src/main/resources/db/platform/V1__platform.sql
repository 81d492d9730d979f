-- What spans tenants: the tenants themselves, their domains and integrators' API key hashes.
CREATE TABLE tenant (
  id              UUID PRIMARY KEY,
  slug            VARCHAR(40) NOT NULL UNIQUE,
  display_name    VARCHAR(100) NOT NULL,
  currency        CHAR(3) NOT NULL,
  locale          VARCHAR(35) NOT NULL,
  time_zone       VARCHAR(64) NOT NULL,
  theme           VARCHAR(40) NOT NULL,
  status          VARCHAR(16) NOT NULL CHECK (status IN ('PROVISIONING', 'ACTIVE', 'SUSPENDED')),
  keycloak_org_id VARCHAR(64),
  created_at      TIMESTAMPTZ NOT NULL
);

CREATE TABLE tenant_domain (
  host        VARCHAR(253) PRIMARY KEY,
  tenant_id   UUID NOT NULL REFERENCES tenant(id) ON DELETE CASCADE,
  is_primary  BOOLEAN NOT NULL,
  created_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX tenant_domain_tenant ON tenant_domain(tenant_id);

CREATE TABLE api_key (
  id           UUID PRIMARY KEY,
  tenant_id    UUID NOT NULL REFERENCES tenant(id) ON DELETE CASCADE,
  name         VARCHAR(80) NOT NULL,
  prefix       VARCHAR(16) NOT NULL UNIQUE,
  secret_hash  VARCHAR(64) NOT NULL,
  scope        VARCHAR(8) NOT NULL CHECK (scope IN ('READ', 'WRITE')),
  created_by   VARCHAR(254) NOT NULL,
  created_at   TIMESTAMPTZ NOT NULL,
  last_used_at TIMESTAMPTZ,
  revoked_at   TIMESTAMPTZ
);
CREATE INDEX api_key_tenant ON api_key(tenant_id);
