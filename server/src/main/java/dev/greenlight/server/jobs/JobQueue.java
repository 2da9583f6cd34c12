package dev.greenlight.server.jobs;

/**
 * The one way features schedule background work. Called inside a transaction, the job is enqueued with it: it exists
 * if and only if that transaction commits, so a state change and the job that continues it are never split by a
 * crash. Jobs run at least once; a handler must make a second run harmless.
 */
public interface JobQueue {

    /** Enqueues the job; a pending job with the same kind and key is kept as it is. */
    void enqueue(JobRequest request);
}
