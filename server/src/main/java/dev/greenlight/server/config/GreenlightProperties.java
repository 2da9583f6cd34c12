package dev.greenlight.server.config;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Every {@code greenlight.*} setting. application.yaml maps each to its {@code GREENLIGHT_*} environment variable;
 * docs/configuration.md lists them. All are validated at start-up so that a bad value stops the server with one line.
 */
@Validated
@ConfigurationProperties("greenlight")
public record GreenlightProperties(
        @NotNull Path dataDir,
        @Min(0) @Max(65535) int port,
        @NotNull InetAddress bind,
        @Valid @NotNull Database database,
        @Valid @NotNull Management management,
        @NotNull List<@Pattern(regexp = ORIGIN, message = "must be an origin such as https://ci.example.com (scheme, host, optional port, no path)") String> corsOrigins,
        @Valid @NotNull RateLimit rateLimit,
        @Valid @NotNull Login login,
        @Valid @NotNull Oidc oidc) {

    static final String ORIGIN = "https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?";

    /** An external PostgreSQL; when {@code url} is empty Greenlight starts its embedded one. */
    public record Database(
            @Pattern(regexp = "(jdbc:postgresql://.+)?", message = "must be a jdbc:postgresql:// URL") @DefaultValue("") String url,
            @DefaultValue("") String user,
            @DefaultValue("") String password) {

        public boolean isExternal() {
            return !url.isBlank();
        }

        @Override
        public String toString() {
            // The password never reaches a log line, not even through a debug dump of the properties.
            return "Database[url=" + CredentialMasking.mask(url) + ", user=" + user + ", password=" + (password.isEmpty() ? "" : "***") + "]";
        }
    }

    /** The management server (Prometheus metrics); bound to loopback unless an operator decides otherwise. */
    public record Management(@Min(0) @Max(65535) int port, @NotNull InetAddress bind) {
    }

    /** Token buckets per credential and per client address; 0 turns a limit off. */
    public record RateLimit(
            @Min(0) @Max(1_000_000) int perCredentialPerMinute,
            @Min(0) @Max(1_000_000) int perAddressPerMinute) {
    }

    /** Local sign-in: how many failed passwords lock an account, and for how long. */
    public record Login(
            @Min(1) @Max(100) int maxFailures,
            @NotNull @DurationMin(seconds = 1) @DurationMax(days = 1) Duration lockout) {
    }

    /**
     * A trusted OpenID Connect issuer whose bearer JWTs Greenlight accepts. Empty issuer: JWTs are refused. With a
     * client id as well, people can also sign in to the dashboard through the issuer (authorization code flow with
     * PKCE); the client secret is needed only when the issuer registered Greenlight as a confidential client.
     */
    public record Oidc(
            @Pattern(regexp = "(https?://.+)?", message = "must be an http(s) URL") @DefaultValue("") String issuer,
            @DefaultValue("") String audience,
            @Pattern(regexp = "(https?://.+)?", message = "must be an http(s) URL") @DefaultValue("") String jwksUri,
            @Pattern(regexp = "[\\x21-\\x7E]{0,255}", message = "must be at most 255 visible ASCII characters") @DefaultValue("") String clientId,
            @DefaultValue("") String clientSecret,
            @Pattern(regexp = "[^\\p{Cntrl}]{1,60}", message = "must be 1-60 characters, no control characters") @DefaultValue("single sign-on") String displayName,
            @Pattern(regexp = "(https?://[^\\s]+)?", message = "must be an http(s) URL") @DefaultValue("") String redirectUri) {

        public Oidc {
            // Checked while binding, so that it stops the start before the database or a port is touched.
            if (!issuer.isBlank() && audience.isBlank()) {
                throw new InvalidConfigurationException("greenlight.oidc.audience", "must be set when GREENLIGHT_OIDC_ISSUER is set");
            }
            if (issuer.isBlank() && !clientId.isBlank()) {
                throw new InvalidConfigurationException("greenlight.oidc.client-id", "needs GREENLIGHT_OIDC_ISSUER, the issuer people sign in with");
            }
            if (clientId.isBlank() && !clientSecret.isBlank()) {
                throw new InvalidConfigurationException("greenlight.oidc.client-secret", "is set but GREENLIGHT_OIDC_CLIENT_ID is not");
            }
        }

        public boolean isEnabled() {
            return !issuer.isBlank();
        }

        public @Nullable String jwksUriOrNull() {
            return jwksUri.isBlank() ? null : jwksUri;
        }

        /** Whether the sign-in page offers "Sign in with {@link #displayName()}". */
        public boolean browserSignInEnabled() {
            return isEnabled() && !clientId.isBlank();
        }

        public @Nullable String redirectUriOrNull() {
            return redirectUri.isBlank() ? null : redirectUri;
        }

        @Override
        public String toString() {
            // The client secret never reaches a log line, not even through a debug dump of the properties.
            return "Oidc[issuer=" + issuer + ", audience=" + audience + ", jwksUri=" + jwksUri + ", clientId=" + clientId
                    + ", clientSecret=" + (clientSecret.isEmpty() ? "" : "***") + ", displayName=" + displayName
                    + ", redirectUri=" + redirectUri + "]";
        }
    }
}
