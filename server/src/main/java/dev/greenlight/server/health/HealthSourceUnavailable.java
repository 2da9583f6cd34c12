package dev.greenlight.server.health;

import dev.greenlight.server.platform.GreenlightException;
import dev.greenlight.server.platform.ProblemKind;

/**
 * An environment's health source could not be asked: the server did not answer in time, refused, or answered
 * something that is not a query result. Not the same as "no data", which {@link VersionHealth#sample} reports as an
 * empty answer. The message names the source by host only and never carries a token, so it may be shown to API users
 * and written to the ledger; left unhandled it becomes a {@code 503 service-unavailable} problem.
 */
public class HealthSourceUnavailable extends GreenlightException {
    public HealthSourceUnavailable(String detail) {
        super(ProblemKind.SERVICE_UNAVAILABLE, detail);
    }
}
