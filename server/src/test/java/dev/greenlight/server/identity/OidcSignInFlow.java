package dev.greenlight.server.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.greenlight.server.testing.Api;
import dev.greenlight.server.testing.BrowserSession;
import dev.greenlight.server.testing.HttpResult;

/**
 * One browser's sign-in through the issuer over real HTTP, a redirect at a time, so that a test can look at or
 * tamper with each step: Greenlight's redirect to the issuer, the issuer's redirect back, Greenlight's answer.
 */
final class OidcSignInFlow {
    private final String baseUrl;
    final BrowserSession browser;

    OidcSignInFlow(String baseUrl) {
        this.baseUrl = baseUrl;
        this.browser = new BrowserSession(baseUrl);
    }

    /** Clicks "Sign in with …": Greenlight's answer, a redirect to the issuer's authorization endpoint. */
    HttpResult start() {
        HttpResult start = browser.getPage(OidcSignIn.START_PATH);
        assertThat(start.status()).as(start.toString()).isEqualTo(302);
        return start;
    }

    /** Follows Greenlight's redirect to the issuer; the issuer's answer, normally a redirect back with a code. */
    static HttpResult atIssuer(HttpResult start) {
        return Api.send(HttpRequest.newBuilder(URI.create(start.header("Location"))).timeout(Duration.ofSeconds(10)).GET().build());
    }

    /** Follows the issuer's redirect back to Greenlight (any address on this server) in this browser. */
    HttpResult back(String callback) {
        assertThat(callback).as("the issuer sends the browser back to this server").startsWith(baseUrl + "/login/oauth2/code/oidc?");
        return browser.getPage(callback.substring(baseUrl.length()));
    }

    /** Start, issuer, back: Greenlight's answer to the callback. */
    HttpResult complete() {
        HttpResult atIssuer = atIssuer(start());
        assertThat(atIssuer.status()).as("the issuer's answer: " + atIssuer).isEqualTo(302);
        return back(atIssuer.header("Location"));
    }

    static Map<String, String> query(String url) {
        Map<String, String> parameters = new LinkedHashMap<>();
        String query = URI.create(url).getRawQuery();
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            parameters.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return parameters;
    }
}
