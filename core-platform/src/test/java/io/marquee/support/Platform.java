package io.marquee.support;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The real, built platform WAR, deployed by Arquillian to the integration-test Liberty server. */
public final class Platform {
  private Platform() {}

  public static WebArchive war() {
    File war = new File(System.getProperty("marquee.it.war", "target/marquee.war"));
    return ShrinkWrap.create(ZipImporter.class, "marquee.war").importFrom(war).as(WebArchive.class);
  }

  public static int httpPort() {
    return Integer.getInteger("marquee.it.httpPort", 9081);
  }
}
