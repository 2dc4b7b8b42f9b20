package dev.pbimcp.http;

import dev.pbimcp.auth.AuthGuard;
import dev.pbimcp.auth.ProtectedResourceMetadata;
import dev.pbimcp.emulator.EmulatorApi;
import dev.pbimcp.emulator.EmulatorGuard;
import dev.pbimcp.emulator.ExecuteQueries;
import dev.pbimcp.emulator.FaultResource;
import dev.pbimcp.emulator.LocalModelsResource;
import dev.pbimcp.oauth.AuthorizationServerMetadata;
import dev.pbimcp.oauth.AuthorizeEndpoint;
import dev.pbimcp.oauth.CallbackEndpoint;
import dev.pbimcp.oauth.RegisterEndpoint;
import dev.pbimcp.oauth.TokenEndpoint;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.auth.LoginConfig;

/**
 * All JAX-RS resources live under the context root; the MCP endpoint is {@code /mcp}. MP-JWT
 * validates bearer tokens when one is sent; {@code AuthGuard} decides whether one is required.
 *
 * <p>The resources and providers are listed, not scanned for, so that the two MCP doors can be
 * singletons: the runtime looks a CDI resource up through the bean manager on every request (about
 * 4% of a tool call in the transport benchmark's profile) and makes a proxy for each of its {@code
 * Context} parameters (3%). {@code RestApplicationTest} fails when a resource or provider is
 * missing here, since a class left out would answer 404 without a word.
 */
@ApplicationPath("/")
@LoginConfig(authMethod = "MP-JWT", realmName = "pbimcp")
public class RestApplication extends Application {

  /** The MCP doors, taken from CDI once (each is {@code @Unproxied}: the instance itself). */
  static final Set<Class<?>> SINGLETONS = Set.of(McpEndpoint.class, LegacySseEndpoint.class);

  /** Every other resource and provider, made by the runtime through CDI. */
  static final Set<Class<?>> CLASSES =
      Set.of(
          // the setup page, the filters in front of every request, the error answers
          SetupPage.class,
          RequestIds.class,
          HeaderSyntax.class,
          ListenDoor.class,
          ForwardedHeaders.class,
          OriginGuard.class,
          FallbackExceptionMapper.class,
          // sign-in
          AuthGuard.class,
          ProtectedResourceMetadata.class,
          AuthorizationServerMetadata.class,
          AuthorizeEndpoint.class,
          CallbackEndpoint.class,
          RegisterEndpoint.class,
          TokenEndpoint.class,
          // the built-in emulator, which the gateway reaches over HTTP only
          EmulatorGuard.class,
          EmulatorApi.class,
          ExecuteQueries.class,
          LocalModelsResource.class,
          FaultResource.class);

  @Override
  public Set<Class<?>> getClasses() {
    return CLASSES;
  }

  @Override
  @SuppressWarnings("deprecation") // the one standard way to register an instance
  public Set<Object> getSingletons() {
    CDI<Object> cdi = CDI.current();
    return SINGLETONS.stream()
        .map(c -> (Object) cdi.select(c).get())
        .collect(Collectors.toUnmodifiableSet());
  }
}
