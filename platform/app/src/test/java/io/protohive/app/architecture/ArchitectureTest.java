package io.protohive.app.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.protohive.kernel.access.Authorization;
import io.protohive.kernel.cluster.ClusterMember;
import io.protohive.kernel.cluster.ClusterMemberProducer;
import io.protohive.kernel.cluster.SignedTopic;
import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.identity.PlatformAdmins;
import io.protohive.kernel.identity.TenantAdministration;
import io.protohive.kernel.identity.UserAccount;
import io.protohive.kernel.identity.token.AccessTokenVerifier;
import io.protohive.kernel.job.JobWorkers;
import io.protohive.kernel.organization.OrganizationService;
import io.protohive.kernel.organization.Permission;
import io.protohive.kernel.platform.AsPlatform;
import io.protohive.kernel.platform.DatabaseScope;
import io.protohive.kernel.platform.InTenant;
import io.protohive.kernel.platform.PlatformScope;
import io.protohive.kernel.platform.TenantScope;
import io.protohive.kernel.plugin.PluginHostProducer;
import io.protohive.kernel.secret.SecretBoxProducer;
import io.protohive.kernel.secret.SecretsKey;
import io.protohive.kernel.startup.PlatformRuntime;
import io.protohive.kernel.tenancy.Tenant;
import io.protohive.pluginhost.PluginHost;
import io.protohive.ui.layout.MainLayout;
import io.protohive.ui.signin.SignedInUser;
import jakarta.persistence.Entity;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

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

  /** The plugin host's API is its top package; how it admits, watches and logs stays inside. */
  @ArchTest
  static final ArchRule thePluginHostsInternalsStayInside =
      noClasses()
          .that()
          .resideOutsideOfPackage("io.protohive.pluginhost..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.protohive.pluginhost.internal..");

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

  /**
   * A package of the kernel or of the API, with its subpackages, is one unit: no two of them depend
   * on each other, however long the way round.
   */
  @ArchTest
  static final ArchRule theKernelsAndTheApisPackagesFormNoCycle =
      slices().matching("io.protohive.(kernel|rest).(*)..").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule theModulesFormNoCycle =
      slices().matching("io.protohive.(*)..").should().beFreeOfCycles();

  /**
   * The kernel's packages in the order docs/architecture.md draws: each depends only on packages of
   * the tiers after its own, never on one of its tier or before.
   */
  static final List<List<String>> KERNEL_TIERS =
      List.of(
          // what starts the platform starts what every package needs started
          List.of("startup"),
          List.of("home", "system", "health", "privacy"),
          List.of("routine", "retention"),
          List.of("task", "knowledge"),
          List.of("conversation"),
          List.of("agent", "memory", "provisioning", "file", "webhook"),
          List.of("llm"),
          List.of("job", "plugin", "mcp"),
          List.of("access", "cluster"),
          List.of("idempotency", "organization", "ratelimit"),
          List.of("identity"),
          List.of("tenancy", "encryption"),
          List.of("audit", "database", "mail", "secret"),
          List.of("platform", "observability"));

  @ArchTest
  static void theKernelsPackagesDependOnlyOnThoseAfterThem(JavaClasses classes) {
    List<ArchRule> rules = new ArrayList<>();
    for (int tier = 0; tier < KERNEL_TIERS.size(); tier++) {
      for (String own : KERNEL_TIERS.get(tier)) {
        List<String> notAfter =
            KERNEL_TIERS.subList(0, tier + 1).stream()
                .flatMap(List::stream)
                .filter(other -> !other.equals(own))
                .map(other -> "io.protohive.kernel." + other + "..")
                .toList();
        rules.add(
            noClasses()
                .that()
                .resideInAPackage("io.protohive.kernel." + own + "..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(notAfter.toArray(String[]::new)));
      }
    }
    CompositeArchRule.of(rules).check(classes);
  }

  @ArchTest
  static void everyKernelPackageHasItsTier(JavaClasses classes) {
    Set<String> tiered = KERNEL_TIERS.stream().flatMap(List::stream).collect(Collectors.toSet());
    Set<String> present =
        classes.stream()
            .map(JavaClass::getPackageName)
            .filter(name -> name.startsWith("io.protohive.kernel."))
            .map(name -> name.substring("io.protohive.kernel.".length()).split("\\.")[0])
            .collect(Collectors.toSet());
    assertThat(tiered).containsExactlyInAnyOrderElementsOf(present);
  }

  /** The start-up sequence is the composition root: it calls everything and offers nothing. */
  @ArchTest
  static final ArchRule noOneReachesIntoTheStartUp =
      noClasses()
          .that()
          .doNotBelongToAnyOf(PlatformRuntime.class)
          .should()
          .dependOnClassesThat()
          .belongToAnyOf(PlatformRuntime.class);

  @ArchTest
  static final ArchRule theStartUpHasNoGetters =
      methods().that().areDeclaredIn(PlatformRuntime.class).should().notBePublic();

  /** A second start would be a second secret box, cluster member or plugin host on the node. */
  @ArchTest
  static final ArchRule onlyTheProducersStartTheNodesServices =
      noClasses()
          .that()
          .doNotBelongToAnyOf(
              SecretBoxProducer.class, ClusterMemberProducer.class, PluginHostProducer.class)
          .should()
          .callMethod(SecretsKey.class, "load", Optional.class, Path.class)
          .orShould()
          .callMethod(ClusterMember.class, "start", int.class, List.class)
          .orShould()
          .callMethod(PluginHost.class, "start", PluginHost.Settings.class, List.class);

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

  /**
   * Whether a caller may act is asked of {@link Authorization}; only the package that keeps an
   * answer with its data asks itself, since it lies below the facade that reads it.
   */
  @ArchTest
  static final ArchRule adminsAreAskedOfTheFacadeOutsideTheAccounts =
      noClasses()
          .that()
          .resideOutsideOfPackage("io.protohive.kernel.identity..")
          .and()
          .doNotBelongToAnyOf(Authorization.class)
          .should()
          .callMethod(PlatformAdmins.class, "require", Caller.class)
          .orShould()
          .callMethod(PlatformAdmins.class, "isAdmin", Caller.class)
          .orShould()
          .callMethod(TenantAdministration.class, "requireAdmin", Caller.class)
          .orShould()
          .callMethod(TenantAdministration.class, "isAdmin", Caller.class)
          .orShould()
          .callMethod(TenantAdministration.class, "administers", UserAccount.class, Tenant.class);

  @ArchTest
  static final ArchRule membershipsAreAskedOfTheFacadeOutsideTheOrganizations =
      noClasses()
          .that()
          .resideOutsideOfPackage("io.protohive.kernel.organization..")
          .and()
          .doNotBelongToAnyOf(Authorization.class)
          .should()
          .callMethod(
              OrganizationService.class, "access", Caller.class, UUID.class, Permission.class);

  /** A door checks no role by hand: a role annotation spares a round trip, the kernel decides. */
  @ArchTest
  static final ArchRule theDoorsCheckNoRoleByHand =
      noClasses()
          .that()
          .resideInAnyPackage("io.protohive.rest..", "io.protohive.ui..")
          .should()
          .callMethod("jakarta.ws.rs.core.SecurityContext", "isUserInRole", "java.lang.String")
          .orShould()
          .callMethod(
              "jakarta.servlet.http.HttpServletRequest", "isUserInRole", "java.lang.String");

  /**
   * The doors declare no roles: a role annotation would be a second place where authorization
   * lives, beside the kernel's use cases, and the token carries none to decide by.
   */
  @ArchTest
  static final ArchRule theDoorsDeclareNoRoles =
      noClasses()
          .that()
          .resideInAnyPackage("io.protohive..")
          .should()
          .dependOnClassesThat()
          .haveFullyQualifiedName("jakarta.annotation.security.RolesAllowed")
          .orShould()
          .dependOnClassesThat()
          .haveFullyQualifiedName("jakarta.annotation.security.DeclareRoles")
          .orShould()
          .dependOnClassesThat()
          .resideInAPackage("org.eclipse.microprofile.jwt..");

  /**
   * The UI session's snapshot of the platform-admin flag draws the menu and nothing else (method
   * references included, hence accesses rather than calls).
   */
  @ArchTest
  static final ArchRule theSessionsAdminSnapshotOnlyDrawsTheMenu =
      noClasses()
          .that()
          .doNotBelongToAnyOf(MainLayout.class, SignedInUser.class)
          .should()
          .accessTargetWhere(
              JavaAccess.Predicates.targetOwner(equivalentTo(SignedInUser.class))
                  .and(JavaAccess.Predicates.target(name("platformAdmin"))));

  /** One check of access tokens for every door: nobody else parses or verifies one. */
  /**
   * Whoever reaches the cluster's port can publish on any Hazelcast topic: a node reads from one
   * only what the platform signed.
   */
  @ArchTest
  static final ArchRule clusterMessagesTravelOnlyOnSignedTopics =
      noClasses()
          .that()
          .doNotBelongToAnyOf(SignedTopic.class)
          .should()
          .dependOnClassesThat()
          .resideInAPackage("com.hazelcast.topic..");

  @ArchTest
  static final ArchRule accessTokensAreVerifiedInOnePlace =
      noClasses()
          .that()
          .doNotBelongToAnyOf(AccessTokenVerifier.class)
          .should()
          .callMethod("com.nimbusds.jwt.SignedJWT", "parse", "java.lang.String")
          .orShould()
          .dependOnClassesThat()
          .haveFullyQualifiedName("com.nimbusds.jose.crypto.RSASSAVerifier");

  /**
   * A transaction's tenant is declared ({@code @InTenant}, {@code @AsPlatform}) and entered in one
   * place: a second way to enter it would be a second place to forget it.
   */
  @ArchTest
  static final ArchRule onlyTheInterceptorEntersATenant =
      noClasses()
          .that()
          .doNotBelongToAnyOf(TenantScope.class)
          .should()
          .callMethod(DatabaseScope.class, "tenant", UUID.class, String.class);

  @ArchTest
  static final ArchRule onlyTheInterceptorEntersThePlatform =
      noClasses()
          .that()
          .doNotBelongToAnyOf(PlatformScope.class)
          .should()
          .callMethod(DatabaseScope.class, "platform", String.class);

  /** The job queue's own JDBC transactions are the one place without a container transaction. */
  @ArchTest
  static final ArchRule onlyTheJobWorkersEnterThePlatformOnAConnection =
      noClasses()
          .that()
          .doNotBelongToAnyOf(JobWorkers.class)
          .should()
          .callMethod(DatabaseScope.class, "platform", Connection.class);

  /** The SQL that enters a scope, and the settings it seals, are written in one class. */
  @ArchTest
  static final ArchRule onlyTheDatabaseScopeWritesTheScopesSql =
      noClasses()
          .that()
          .doNotBelongToAnyOf(DatabaseScope.class)
          .should(holdText("protohive_enter_", "app.tenant", "app.scope"));

  /**
   * A scope is entered by the interceptor around a call that comes through the bean's proxy: a call
   * from the bean's own class to its {@code @InTenant} or {@code @AsPlatform} method goes straight
   * to the method, enters nothing, and sees the rows of whatever scope its caller had, or none. It
   * is safe only from a method that declared the same scope.
   */
  @ArchTest
  static final ArchRule scopedMethodsAreCalledThroughTheirBean =
      noClasses().should(callTheirOwnScopedMethodsFromOutsideTheScope());

  private static ArchCondition<JavaClass> callTheirOwnScopedMethodsFromOutsideTheScope() {
    return new ArchCondition<>("call a scoped method of their own from outside its scope") {
      @Override
      public void check(JavaClass javaClass, ConditionEvents events) {
        for (JavaMethodCall call : javaClass.getMethodCallsFromSelf()) {
          if (!call.getTargetOwner().equals(javaClass) || throughItsOwnProxy(call, javaClass)) {
            continue;
          }
          call.getTarget()
              .resolveMember()
              .ifPresent(
                  method -> {
                    for (Class<? extends Annotation> scope :
                        List.of(InTenant.class, AsPlatform.class)) {
                      if (method.isAnnotatedWith(scope)
                          && !call.getOrigin().isAnnotatedWith(scope)) {
                        events.add(
                            SimpleConditionEvent.satisfied(
                                javaClass,
                                call.getDescription()
                                    + ", past the interceptor that enters its scope"));
                      }
                    }
                  });
        }
      }
    };
  }

  /** A call on the bean's own injected proxy, which the interceptors do see. */
  private static boolean throughItsOwnProxy(JavaMethodCall call, JavaClass javaClass) {
    return call.getOrigin().getFieldAccesses().stream()
        .anyMatch(
            access ->
                access.getLineNumber() == call.getLineNumber()
                    && access.getTarget().getRawType().equals(javaClass));
  }

  /** Finds text among a class's constants, which is where the SQL it runs is written. */
  private static ArchCondition<JavaClass> holdText(String... texts) {
    return new ArchCondition<>("hold the text " + String.join(" or ", texts)) {
      @Override
      public void check(JavaClass javaClass, ConditionEvents events) {
        javaClass
            .getSource()
            .ifPresent(
                source -> {
                  String bytes = read(source.getUri());
                  for (String text : texts) {
                    if (bytes.contains(text)) {
                      events.add(
                          SimpleConditionEvent.satisfied(
                              javaClass, javaClass.getName() + " holds \"" + text + "\""));
                    }
                  }
                });
      }
    };
  }

  private static String read(java.net.URI classFile) {
    try (InputStream in = classFile.toURL().openStream()) {
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
