package io.marquee.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The dependency rules of the architecture (style.md), enforced on every build. */
@AnalyzeClasses(packages = "io.marquee", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule domainDependsOnNoOuterLayer =
      noClasses()
          .that()
          .resideInAPackage("..domain..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("..application..", "..infrastructure..", "..web..")
          .because("the domain depends on nothing outside itself");

  @ArchTest
  static final ArchRule applicationDoesNotUseWebAdapters =
      noClasses()
          .that()
          .resideInAPackage("..application..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("..web..")
          .because("adapters call application services, not the other way round");

  @ArchTest
  static final ArchRule pluginApiSeesNoCoreInternals =
      classes()
          .that()
          .resideInAPackage("io.marquee.plugin.api..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage("io.marquee.plugin.api..", "java..", "org.pf4j..")
          .because(
              "plugins compile against plugin-api (and PF4J's ExtensionPoint) only; it must not"
                  + " leak core types");

  @ArchTest
  static final ArchRule noCapabilityReachesIntoAnothersInfrastructure =
      noClasses()
          .that()
          .resideInAPackage("io.marquee.tenancy..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.marquee.identity.infrastructure..")
          .because("capabilities talk through application services");

  @ArchTest
  static final ArchRule pluginsNeverSeeCoreInternals =
      noClasses()
          .that()
          .resideInAnyPackage(
              "io.marquee.plugins.testing..",
              "io.marquee.plugins.surveys..",
              "io.marquee.plugins.checkin..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "io.marquee.tenancy..",
              "io.marquee.ordering..",
              "io.marquee.catalog..",
              "io.marquee.ticketing..",
              "io.marquee.ledger..",
              "io.marquee.billing..",
              "io.marquee.identity..",
              "io.marquee.common..",
              "io.marquee.plugins.application..",
              "io.marquee.plugins.infrastructure..")
          .because("a plugin sees plugin-api only");
}
