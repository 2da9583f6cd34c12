/** Durable background jobs: a queue with priorities, retries with backoff, and a dead-letter table, over db-scheduler. */
@NullMarked
package dev.greenlight.server.jobs;

import org.jspecify.annotations.NullMarked;
