package io.protohive.rest.openai;

import io.protohive.rest.ApiApplication;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/**
 * The OpenAI-compatible door, under {@code /api/openai/v1}: an OpenAI client lists the caller's
 * agents as models, talks to them and embeds texts. It shares the API's token check, rate limits
 * and body guard, and says no in OpenAI's error shape ({@link OpenAiErrors}).
 */
@ApplicationPath("/api/openai/v1")
public class OpenAiApplication extends Application {

  static final Set<Class<?>> OWN_CLASSES =
      Set.of(
          ModelResource.class,
          ChatCompletionResource.class,
          OpenAiEmbeddingResource.class,
          OpenAiErrors.class,
          OpenAiError.Mapper.class);

  @Override
  public Set<Class<?>> getClasses() {
    return ApiApplication.union(OWN_CLASSES, ApiApplication.SHARED_PROVIDERS);
  }
}
