/** A small HTTP client for the Greenlight REST API: authentication, problem+json errors, pagination and safe retries of creates. */
@NullMarked
package dev.greenlight.cli.client;

import org.jspecify.annotations.NullMarked;
