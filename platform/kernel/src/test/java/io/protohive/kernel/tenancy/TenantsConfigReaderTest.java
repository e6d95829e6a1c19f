package io.protohive.kernel.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TenantsConfigReaderTest {

  @TempDir Path folder;

  private final TenantsConfigReader reader = new TenantsConfigReader();

  @Test
  void readsTheShippedDemoTenant() throws Exception {
    List<TenantDefinition> tenants = reader.read(Path.of("../../tenants-config"));

    assertThat(tenants)
        .containsExactly(
            new TenantDefinition("demo", "Demo", List.of(), true, false, List.of(), List.of()));
  }

  @Test
  void normalizesDomainsAndDefaultsToTheSafeSide() throws Exception {
    write(
        "acme.yaml",
        "slug: acme\nname: ' Acme Corp '\nallowedEmailDomains: [Acme.COM]\nadmins: [Boss@Acme.com]\n");

    assertThat(reader.read(folder))
        .containsExactly(
            new TenantDefinition(
                "acme",
                "Acme Corp",
                List.of("acme.com"),
                false,
                true,
                List.of("boss@acme.com"),
                List.of()));
  }

  @Test
  void namesFileAndFieldOfAnInvalidSlug() throws Exception {
    Path file = write("bad.yaml", "slug: Not A Slug\nname: Bad\n");

    assertThatThrownBy(() -> reader.read(folder))
        .isInstanceOf(InvalidTenantsConfigException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("field 'slug'")
        .hasMessageContaining("'Not A Slug'");
  }

  @Test
  void namesAnUnknownField() throws Exception {
    write("typo.yaml", "slug: typo\nname: Typo\nselfSignUp: true\n");

    assertThatThrownBy(() -> reader.read(folder))
        .hasMessageContaining("typo.yaml")
        .hasMessageContaining("field 'selfSignUp'");
  }

  @Test
  void namesAFieldOfTheWrongType() throws Exception {
    write("wrong.yaml", "slug: wrong\nname: Wrong\nselfSignup: [yes]\n");

    assertThatThrownBy(() -> reader.read(folder)).hasMessageContaining("field 'selfSignup'");
  }

  @Test
  void rejectsAMissingName() throws Exception {
    write("nameless.yaml", "slug: nameless\n");

    assertThatThrownBy(() -> reader.read(folder)).hasMessageContaining("field 'name'");
  }

  @Test
  void rejectsSomethingThatIsNotADomain() throws Exception {
    write("domains.yaml", "slug: d\nname: D\nallowedEmailDomains: ['not a domain']\n");

    assertThatThrownBy(() -> reader.read(folder))
        .hasMessageContaining("field 'allowedEmailDomains'")
        .hasMessageContaining("'not a domain'");
  }

  @Test
  void rejectsAnAdminThatIsNotAnEmail() throws Exception {
    write("admins.yaml", "slug: a\nname: A\nadmins: [boss]\n");

    assertThatThrownBy(() -> reader.read(folder))
        .hasMessageContaining("field 'admins'")
        .hasMessageContaining("'boss'");
  }

  @Test
  void rejectsTheSameSlugInTwoFiles() throws Exception {
    write("a.yaml", "slug: same\nname: A\n");
    write("b.yml", "slug: same\nname: B\n");

    assertThatThrownBy(() -> reader.read(folder))
        .hasMessageContaining("b.yml")
        .hasMessageContaining("already declared in")
        .hasMessageContaining("a.yaml");
  }

  @Test
  void rejectsBrokenYamlAndEmptyFiles() throws Exception {
    write("broken.yaml", "slug: [unclosed\n");
    assertThatThrownBy(() -> reader.read(folder)).hasMessageContaining("broken.yaml");

    Files.delete(folder.resolve("broken.yaml"));
    write("empty.yaml", "");
    assertThatThrownBy(() -> reader.read(folder))
        .hasMessageContaining("empty.yaml: the file is empty");
  }

  @Test
  void ignoresOtherFilesAndExplainsAMissingFolder() throws Exception {
    write("README.md", "not a tenant");
    assertThat(reader.read(folder)).isEmpty();

    assertThatThrownBy(() -> reader.read(folder.resolve("absent")))
        .hasMessageContaining("does not exist")
        .hasMessageContaining("PROTOHIVE_TENANTS_DIR");
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(folder.resolve(name), content);
  }
}
