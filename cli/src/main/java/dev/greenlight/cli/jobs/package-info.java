/** Commands for the durable job queue: list the jobs that failed every attempt, and replay one. */
@NullMarked
package dev.greenlight.cli.jobs;

import org.jspecify.annotations.NullMarked;
