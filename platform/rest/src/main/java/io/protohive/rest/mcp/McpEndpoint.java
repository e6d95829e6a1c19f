package io.protohive.rest.mcp;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.json.schema.jackson3.DefaultJsonSchemaValidator;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpStatelessServerHandler;
import io.modelcontextprotocol.server.McpStatelessSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStatelessServerTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpStatelessServerTransport;
import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.identity.token.AccessTokenVerifier;
import io.protohive.kernel.platform.Rejection;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.annotation.WebListener;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * ProtoHive as an MCP server at {@value #PATH}, on the official MCP Java SDK's streamable HTTP
 * transport in its stateless form: every request stands alone, so any node of a cluster answers it
 * and the caller is the one its own token names ({@link McpDoor}), handed to the handlers in the
 * request's transport context. Handlers run on the request's own thread, where the kernel's
 * transactions and tenancy work as for any API request.
 */
@WebListener
public class McpEndpoint implements ServletContextListener {

  static final String PATH = "/api/mcp";

  private static final Logger LOG = Logger.getLogger(McpEndpoint.class.getName());

  private static final String VERIFIED = "protohive.verified";
  private static final McpSchema.Implementation SERVER =
      new McpSchema.Implementation("protohive", "ProtoHive", "1.0");

  @Inject McpTools tools;
  @Inject McpResources resources;

  private McpStatelessSyncServer server;

  @Override
  public void contextInitialized(ServletContextEvent event) {
    JsonMapper jackson = JsonMapper.builder().build();
    McpJsonMapper json = new JacksonMcpJsonMapper(jackson);
    HttpServletStatelessServerTransport transport =
        HttpServletStatelessServerTransport.builder()
            .jsonMapper(json)
            .messageEndpoint(PATH)
            .contextExtractor(
                request ->
                    request.getAttribute(McpDoor.VERIFIED)
                            instanceof AccessTokenVerifier.Verified verified
                        ? McpTransportContext.create(Map.of(VERIFIED, verified))
                        : McpTransportContext.EMPTY)
            .build();
    server =
        McpServer.sync(new ListingResourcesPerCaller(transport))
            .serverInfo(SERVER)
            .instructions(
                "The AI company of the signed-in person: their organizations' agents, tasks,"
                    + " files and knowledge.")
            .capabilities(
                McpSchema.ServerCapabilities.builder().tools(false).resources(false, false).build())
            .jsonMapper(json)
            .jsonSchemaValidator(new DefaultJsonSchemaValidator(jackson))
            // on the request's thread, not a scheduler's: the kernel needs a managed thread
            .immediateExecution(true)
            .tools(tools.specifications(json))
            .resourceTemplates(resources.templates(json))
            .build();
    ServletRegistration.Dynamic servlet =
        event.getServletContext().addServlet("protohive-mcp", transport);
    servlet.setAsyncSupported(true);
    servlet.addMapping(PATH);
  }

  @Override
  public void contextDestroyed(ServletContextEvent event) {
    if (server != null) {
      server.close();
    }
  }

  /** The caller that the door verified for this request. */
  static Caller caller(McpTransportContext context) {
    return verified(context).caller();
  }

  /** The token that the door verified for this request: its caller and scopes. */
  static AccessTokenVerifier.Verified verified(McpTransportContext context) {
    if (context.get(VERIFIED) instanceof AccessTokenVerifier.Verified verified) {
      return verified;
    }
    throw Rejection.of(Rejection.Kind.UNAUTHENTICATED, AccessTokenVerifier.INVALID);
  }

  /**
   * The SDK lists the resources registered with the server, the same for everyone; a caller's
   * resources are their own tasks and files, so this transport answers {@code resources/list}
   * itself and hands every other message to the SDK's handler.
   */
  private final class ListingResourcesPerCaller implements McpStatelessServerTransport {

    private final McpStatelessServerTransport transport;

    ListingResourcesPerCaller(McpStatelessServerTransport transport) {
      this.transport = transport;
    }

    @Override
    public void setMcpHandler(McpStatelessServerHandler handler) {
      transport.setMcpHandler(
          new McpStatelessServerHandler() {
            @Override
            public Mono<McpSchema.JSONRPCResponse> handleRequest(
                McpTransportContext context, McpSchema.JSONRPCRequest request) {
              if (!McpSchema.METHOD_RESOURCES_LIST.equals(request.method())) {
                return handler.handleRequest(context, request);
              }
              return Mono.fromCallable(() -> listed(context, request));
            }

            @Override
            public Mono<Void> handleNotification(
                McpTransportContext context, McpSchema.JSONRPCNotification notification) {
              return handler.handleNotification(context, notification);
            }
          });
    }

    private McpSchema.JSONRPCResponse listed(
        McpTransportContext context, McpSchema.JSONRPCRequest request) {
      try {
        return McpSchema.JSONRPCResponse.result(request.id(), resources.list(caller(context)));
      } catch (Rejection refused) {
        return failed(request, McpSchema.ErrorCodes.INVALID_REQUEST, refused.getMessage());
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "The MCP resources could not be listed", e);
        return failed(
            request, McpSchema.ErrorCodes.INTERNAL_ERROR, "The resources could not be listed.");
      }
    }

    private McpSchema.JSONRPCResponse failed(
        McpSchema.JSONRPCRequest request, int code, String message) {
      return McpSchema.JSONRPCResponse.error(
          request.id(), new McpSchema.JSONRPCResponse.JSONRPCError(code, message));
    }

    @Override
    public Mono<Void> closeGracefully() {
      return transport.closeGracefully();
    }

    @Override
    public List<String> protocolVersions() {
      return transport.protocolVersions();
    }
  }
}
