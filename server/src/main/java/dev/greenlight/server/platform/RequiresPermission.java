package dev.greenlight.server.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares the permission a handler method needs. Every handler carries this or {@link PublicEndpoint}; a request
 * to a handler with neither is refused, and a test fails the build. For {@link PermissionScope#PROJECT} permissions
 * the project is the handler's {@code {project}} path variable.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface RequiresPermission {
    Permission value();
}
