package dev.greenlight.server.jobs;

/** Which jobs run first when more are due than there are workers. */
public enum JobPriority {
    /** Rollbacks and anything a person is waiting on right now. */
    CRITICAL,
    DEFAULT,
    /** Catch-up and maintenance work that may wait. */
    BULK
}
