package dev.greenlight.server.identity;

import java.net.http.HttpClient;
import java.time.Duration;

import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;

/**
 * How browser sign-in talks to the issuer (discovery, token endpoint, key set): with timeouts, so that a slow issuer
 * holds a sign-in for seconds, not a request thread forever, and without following redirects.
 */
final class OidcHttp {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

    private OidcHttp() {
    }

    static ClientHttpRequestFactory requestFactory() {
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build());
        factory.setReadTimeout(READ_TIMEOUT);
        return factory;
    }
}
