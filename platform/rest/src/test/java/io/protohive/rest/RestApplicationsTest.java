package io.protohive.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.protohive.rest.openai.OpenAiApplication;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The two doors list their classes instead of having them scanned, so a resource or provider that
 * neither lists would silently not be served: each of this module's is listed, every resource by
 * exactly one door.
 */
class RestApplicationsTest {

  @Test
  void everyResourceAndProviderIsServedByADoor() throws Exception {
    Set<Class<?>> api = new ApiApplication().getClasses();
    Set<Class<?>> openAi = new OpenAiApplication().getClasses();
    List<Class<?>> found = annotated();

    assertThat(found).hasSizeGreaterThan(30);
    for (Class<?> type : found) {
      assertThat(api.contains(type) || openAi.contains(type))
          .as(type.getName() + " is listed by ApiApplication or OpenAiApplication")
          .isTrue();
      if (type.isAnnotationPresent(jakarta.ws.rs.Path.class)) {
        assertThat(api.contains(type) && openAi.contains(type))
            .as(type.getName() + " is served under one path only")
            .isFalse();
      }
    }
  }

  /** This module's classes annotated {@code @Path} or {@code @Provider}. */
  private static List<Class<?>> annotated()
      throws IOException, URISyntaxException, ClassNotFoundException {
    Path root =
        Path.of(ApiApplication.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<Class<?>> annotated = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String name =
            root.relativize(file).toString().replace(root.getFileSystem().getSeparator(), ".");
        Class<?> type =
            Class.forName(
                name.substring(0, name.length() - ".class".length()),
                false,
                RestApplicationsTest.class.getClassLoader());
        if (type.isAnnotationPresent(jakarta.ws.rs.Path.class)
            || type.isAnnotationPresent(Provider.class)) {
          annotated.add(type);
        }
      }
    }
    return annotated;
  }
}
