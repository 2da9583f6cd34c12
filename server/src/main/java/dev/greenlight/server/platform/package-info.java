/**
 * The shared kernel every feature may use: error types and their problem kinds, permissions and the signed-in
 * caller, identifiers, cursors and pages.
 */
@NullMarked
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package dev.greenlight.server.platform;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
