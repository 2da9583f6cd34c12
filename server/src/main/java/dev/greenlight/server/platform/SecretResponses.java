package dev.greenlight.server.platform;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Marks the response of the current request as carrying a secret that is shown once (a new API key's token). Such a
 * response is never stored: an idempotent retry learns that the request was already processed, not the secret.
 */
public final class SecretResponses {
    public static final String ATTRIBUTE = "greenlight.secretResponse";

    private SecretResponses() {
    }

    public static void markCurrentResponse() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes != null) {
            attributes.setAttribute(ATTRIBUTE, Boolean.TRUE, RequestAttributes.SCOPE_REQUEST);
        }
    }
}
