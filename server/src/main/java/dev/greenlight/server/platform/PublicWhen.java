package dev.greenlight.server.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a handler that declares a permission public when a boolean setting is true (for example a log's checkpoint,
 * which an operator may publish for outside monitors). Off, the declared permission applies.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface PublicWhen {
    /** The property that, when {@code true}, opens the handler. */
    String value();
}
