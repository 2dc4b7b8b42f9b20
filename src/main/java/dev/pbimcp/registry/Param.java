package dev.pbimcp.registry;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Describes one record component of a tool's input or output, so the JSON Schema is derived from
 * the record and never written twice. Bounds left at their defaults are not emitted.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Param {
  /** What the value means, written for a model choosing arguments. */
  String value();

  boolean required() default false;

  double min() default Double.NEGATIVE_INFINITY;

  double max() default Double.POSITIVE_INFINITY;

  int minLength() default -1;

  int maxLength() default -1;

  int minItems() default -1;

  int maxItems() default -1;
}
