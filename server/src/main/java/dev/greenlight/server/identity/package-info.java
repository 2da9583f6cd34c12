/**
 * Identity: users and service accounts, API keys, local passwords with lock-out, bearer JWTs from a trusted
 * issuer, browser sign-in through that issuer, and the security filter chain that turns any of them into the request's {@link dev.greenlight.server.platform.Caller}.
 */
@NullMarked
package dev.greenlight.server.identity;

import org.jspecify.annotations.NullMarked;
