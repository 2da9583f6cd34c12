package dev.greenlight.server.web;

import java.io.IOException;

import org.jspecify.annotations.Nullable;

/** Thrown while reading a body that turns out to exceed its limit (chunked bodies have no Content-Length). */
class PayloadTooLargeException extends IOException {
    PayloadTooLargeException(long limit) {
        super("The request body exceeds the limit of " + limit + " bytes.");
    }

    static @Nullable PayloadTooLargeException findIn(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PayloadTooLargeException tooLarge) {
                return tooLarge;
            }
        }
        return null;
    }
}
