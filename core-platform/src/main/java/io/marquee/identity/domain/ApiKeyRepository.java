package io.marquee.identity.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** API keys, in the platform schema. */
public interface ApiKeyRepository {
  Optional<ApiKey> findByPrefix(String prefix);

  /** The key only if it belongs to {@code tenantId}: another tenant's key id is not found. */
  Optional<ApiKey> findForTenant(UUID tenantId, UUID keyId);

  List<ApiKey> listForTenant(UUID tenantId);

  void add(ApiKey key);
}
