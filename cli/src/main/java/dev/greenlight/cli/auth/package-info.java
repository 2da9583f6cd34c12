/** Signing in and out, and asking the server who the current API key belongs to. */
@NullMarked
package dev.greenlight.cli.auth;

import org.jspecify.annotations.NullMarked;
