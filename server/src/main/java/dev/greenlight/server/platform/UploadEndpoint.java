package dev.greenlight.server.platform;

import jakarta.servlet.http.HttpServletRequest;

/**
 * An endpoint that takes files larger than the 1 MiB JSON limit and streams them instead of buffering. The web edge
 * applies {@link #maxBodyBytes()} to the requests it {@link #handles handles} and leaves their Idempotency-Key to the
 * handler, which fingerprints the streamed content itself (buffering a 100 MiB body to hash it is what we avoid).
 */
public interface UploadEndpoint {

    /** Whether this request is one of the endpoint's uploads; called before authentication, so cheap and path-based. */
    boolean handles(HttpServletRequest request);

    /** The largest request body accepted, framing included. */
    long maxBodyBytes();
}
