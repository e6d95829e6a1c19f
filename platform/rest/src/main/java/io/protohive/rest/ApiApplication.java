package io.protohive.rest;

import io.protohive.kernel.idempotency.IdempotencyKeys;
import io.protohive.rest.agent.AgentResource;
import io.protohive.rest.agent.TemplateResource;
import io.protohive.rest.audit.AuditedRequests;
import io.protohive.rest.auth.AccessTokenFilter;
import io.protohive.rest.auth.AuthResource;
import io.protohive.rest.auth.OidcResource;
import io.protohive.rest.conversation.ConversationResource;
import io.protohive.rest.conversation.RunResource;
import io.protohive.rest.file.FileResource;
import io.protohive.rest.file.KnowledgeBaseResource;
import io.protohive.rest.file.TusMethodOverride;
import io.protohive.rest.file.TusProtocolFilter;
import io.protohive.rest.file.UploadResource;
import io.protohive.rest.llm.EmbeddingResource;
import io.protohive.rest.llm.LlmResource;
import io.protohive.rest.llm.TenantLlmResource;
import io.protohive.rest.llm.UsageResource;
import io.protohive.rest.me.ExportResource;
import io.protohive.rest.me.MeResource;
import io.protohive.rest.me.TokenResource;
import io.protohive.rest.organization.OrganizationResource;
import io.protohive.rest.platform.AnalyticsResource;
import io.protohive.rest.platform.JobResource;
import io.protohive.rest.platform.MailResource;
import io.protohive.rest.platform.PlatformAuditResource;
import io.protohive.rest.platform.PriceResource;
import io.protohive.rest.platform.PublisherResource;
import io.protohive.rest.platform.SigningKeyResource;
import io.protohive.rest.platform.TenantResource;
import io.protohive.rest.plugin.PluginResource;
import io.protohive.rest.plugin.ToolResource;
import io.protohive.rest.problem.BudgetExhaustedMapper;
import io.protohive.rest.problem.LlmUnavailableMapper;
import io.protohive.rest.problem.RejectionMapper;
import io.protohive.rest.problem.UnexpectedExceptionMapper;
import io.protohive.rest.problem.UnreadableBodyMapper;
import io.protohive.rest.problem.WebApplicationExceptionMapper;
import io.protohive.rest.ratelimit.RateLimitFilter;
import io.protohive.rest.routine.OrganizationRoutineResource;
import io.protohive.rest.routine.RoutineResource;
import io.protohive.rest.system.SystemResource;
import io.protohive.rest.task.ApprovalResource;
import io.protohive.rest.task.TaskResource;
import io.protohive.rest.tenant.ServiceAccountResource;
import io.protohive.rest.tenant.TenantAdminResource;
import io.protohive.rest.webhook.OrganizationWebhookResource;
import io.protohive.rest.webhook.WebhookResource;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The HTTP API; everything under {@code /api/v1}. Its classes are listed, not scanned: the web
 * application serves a second door, {@link io.protohive.rest.openai.OpenAiApplication}, and an
 * application that lists nothing would be given that door's resources too. {@code
 * RestApplicationsTest} fails when a resource or provider of this module is listed by neither.
 */
@ApplicationPath("/api/v1")
@OpenAPIDefinition(
    info =
        @Info(
            title = "ProtoHive API",
            version = "v1",
            description = "Build and run organizations of LLM agents."),
    components =
        @Components(
            parameters =
                @Parameter(
                    name = IdempotencyKeys.HEADER,
                    in = ParameterIn.HEADER,
                    description = Idempotent.HEADER_DESCRIPTION,
                    schema = @Schema(type = SchemaType.STRING, pattern = IdempotencyKeys.FORM))))
public class ApiApplication extends Application {

  /**
   * What every door shares: who calls, how often, what bodies it reads, what the audit notes, how
   * it says no.
   */
  public static final Set<Class<?>> SHARED_PROVIDERS =
      Set.of(
          AccessTokenFilter.class,
          AuditedRequests.class,
          RateLimitFilter.class,
          JsonBodyGuard.class,
          RejectionMapper.class,
          UnreadableBodyMapper.class,
          WebApplicationExceptionMapper.class,
          BudgetExhaustedMapper.class,
          LlmUnavailableMapper.class,
          UnexpectedExceptionMapper.class);

  /** Its resources, and the providers only it uses. */
  static final Set<Class<?>> OWN_CLASSES =
      Set.of(
          AgentResource.class,
          TemplateResource.class,
          AuthResource.class,
          ExportResource.class,
          OidcResource.class,
          ConversationResource.class,
          RunResource.class,
          FileResource.class,
          KnowledgeBaseResource.class,
          UploadResource.class,
          EmbeddingResource.class,
          LlmResource.class,
          TenantLlmResource.class,
          UsageResource.class,
          MeResource.class,
          TokenResource.class,
          ServiceAccountResource.class,
          OrganizationResource.class,
          JobResource.class,
          MailResource.class,
          AnalyticsResource.class,
          PriceResource.class,
          PlatformAuditResource.class,
          PublisherResource.class,
          SigningKeyResource.class,
          TenantResource.class,
          PluginResource.class,
          ToolResource.class,
          SystemResource.class,
          TenantAdminResource.class,
          OrganizationWebhookResource.class,
          WebhookResource.class,
          OrganizationRoutineResource.class,
          RoutineResource.class,
          TaskResource.class,
          ApprovalResource.class,
          JsonbConfiguration.class,
          IdempotencyFilter.class,
          TusMethodOverride.class,
          TusProtocolFilter.class);

  @Override
  public Set<Class<?>> getClasses() {
    return union(OWN_CLASSES, SHARED_PROVIDERS);
  }

  /** Both sets in one. */
  public static Set<Class<?>> union(Set<Class<?>> first, Set<Class<?>> second) {
    return Stream.concat(first.stream(), second.stream()).collect(Collectors.toUnmodifiableSet());
  }
}
