package dev.pbimcp.registry;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The group a tool belongs to, so groups can be switched off as a whole (PBIMCP_TOOLSETS).
 * Inherited, so CDI proxies of a tool carry it too.
 */
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Toolset {
  String value();
}
