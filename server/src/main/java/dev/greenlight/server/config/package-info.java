/**
 * Greenlight's own configuration: the validated {@code greenlight.*} properties and the one-line report of a bad
 * value at start-up.
 */
@NullMarked
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package dev.greenlight.server.config;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
