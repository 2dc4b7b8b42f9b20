package dev.pbimcp.cdi;

import jakarta.enterprise.inject.Stereotype;
import jakarta.inject.Singleton;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One instance for the application, injected as itself: {@code @Singleton} as a stereotype, because
 * {@code @Singleton} alone is not a bean-defining annotation, so the archive's annotated discovery
 * would not find the bean. For beans every request passes through (the doors, the filters, the
 * settings, the tools): an {@code @ApplicationScoped} bean is reached through a client proxy that
 * looks its instance up on every call (about 5% of a tool call in the transport benchmark's
 * profile) and makes and removes a thread-local entry for Weld's interception stack each time (a
 * third of the thread-local work a call did). Beans with work to stop ({@code Workers}, the audit
 * log, telemetry) stay application-scoped, so they stop with the application's context.
 */
@Stereotype
@Singleton
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Unproxied {}
