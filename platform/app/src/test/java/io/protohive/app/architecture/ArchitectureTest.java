package io.protohive.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import jakarta.persistence.Entity;

/**
 * The module boundaries the README draws, held by the build: a dependency that crosses one fails
 * here, whoever adds it.
 */
@AnalyzeClasses(packages = "io.protohive", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule theSpiNeedsOnlyTheJdkOsgiAnnotationsAndLangChain4jCore =
      classes()
          .that()
          .resideInAPackage("io.protohive.plugin.api..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage(
              "java..", "io.protohive.plugin.api..", "org.osgi.annotation..", "dev.langchain4j..");

  @ArchTest
  static final ArchRule thePluginHostKnowsNothingOfThePlatform =
      noClasses()
          .that()
          .resideInAPackage("io.protohive.pluginhost..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("io.protohive.kernel..", "io.protohive.rest..", "io.protohive.ui..");

  @ArchTest
  static final ArchRule theKernelKnowsNoDoor =
      noClasses()
          .that()
          .resideInAPackage("io.protohive.kernel..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "io.protohive.rest..", "io.protohive.ui..", "jakarta.ws.rs..", "com.vaadin..");

  @ArchTest
  static final ArchRule theDoorsDoNotKnowEachOther =
      slices().matching("io.protohive.(rest|ui)..").should().notDependOnEachOther();

  @ArchTest
  static final ArchRule entitiesLiveInTheKernel =
      classes()
          .that()
          .areAnnotatedWith(Entity.class)
          .should()
          .resideInAPackage("io.protohive.kernel..");

  @ArchTest
  static final ArchRule theDoorsSeeNoEntity =
      noClasses()
          .that()
          .resideInAnyPackage("io.protohive.rest..", "io.protohive.ui..")
          .should()
          .dependOnClassesThat()
          .areAnnotatedWith(Entity.class);

  @ArchTest
  static final ArchRule theDoorsReachPluginsOnlyThroughTheKernel =
      noClasses()
          .that()
          .resideInAnyPackage("io.protohive.rest..", "io.protohive.ui..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.protohive.pluginhost..");
}
