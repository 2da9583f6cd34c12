/** Where the CLI keeps its server address and API key, and how flags and environment variables override them. */
@NullMarked
package dev.greenlight.cli.config;

import org.jspecify.annotations.NullMarked;
