package io.marquee.common.infrastructure;

import com.hazelcast.config.Config;
import com.hazelcast.config.InMemoryFormat;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.NearCacheConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The embedded Hazelcast member of this node: caches, pub/sub and rate limits shared by all nodes.
 * Never the source of truth for money or inventory (PostgreSQL is). Discovery is explicit TCP-IP,
 * never multicast.
 */
@ApplicationScoped
public class HazelcastMember {
  /**
   * Host name to tenant snapshot; evicted on every domain or status change so all nodes agree at
   * once.
   */
  public static final String TENANT_BY_HOST = "tenant-by-host";

  /** Attempt counters per (purpose, key, window); entries expire on their own after an hour. */
  public static final String RATE_LIMITS = "rate-limits";

  /** Tenant slug to branding snapshot. */
  public static final String BRAND_BY_TENANT = "brand-by-tenant";

  @Inject
  @ConfigProperty(name = "marquee.hazelcast.cluster", defaultValue = "marquee-dev")
  String clusterName;

  @Inject
  @ConfigProperty(name = "marquee.hazelcast.port", defaultValue = "5701")
  int port;

  @Inject
  @ConfigProperty(name = "marquee.hazelcast.members")
  Optional<String> members;

  private HazelcastInstance instance;

  @Produces
  public synchronized HazelcastInstance instance() {
    if (instance == null) {
      instance = Hazelcast.newHazelcastInstance(config());
    }
    return instance;
  }

  private Config config() {
    Config config = new Config();
    config.setClassLoader(HazelcastMember.class.getClassLoader());
    config.setClusterName(clusterName);
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.setProperty("hazelcast.socket.bind.any", "false");
    config.setProperty("hazelcast.logging.type", "jdk");
    config.getNetworkConfig().setPort(port).setPortAutoIncrement(false);
    config.getNetworkConfig().getInterfaces().setEnabled(true).addInterface("127.0.0.1");
    JoinConfig join = config.getNetworkConfig().getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getTcpIpConfig().setEnabled(true);
    String memberList = members.filter(m -> !m.isBlank()).orElse("127.0.0.1:" + port);
    Arrays.stream(memberList.split(","))
        .map(String::trim)
        .forEach(join.getTcpIpConfig()::addMember);
    for (String map : new String[] {TENANT_BY_HOST, BRAND_BY_TENANT}) {
      config.addMapConfig(
          new MapConfig(map)
              .setNearCacheConfig(
                  new NearCacheConfig(map)
                      .setInMemoryFormat(InMemoryFormat.OBJECT)
                      // also near-cache entries this member owns: otherwise every read of a
                      // local entry deserializes it (seen in a storefront profile)
                      .setCacheLocalEntries(true)
                      .setInvalidateOnChange(true)));
    }
    config.addMapConfig(new MapConfig(RATE_LIMITS).setTimeToLiveSeconds(3600));
    return config;
  }

  @PreDestroy
  void shutdown() {
    if (instance != null) {
      instance.shutdown();
    }
  }
}
