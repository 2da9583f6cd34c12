package dev.greenlight.server.identity;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenDecoderFactory;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenValidator;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.web.client.RestTemplate;

/**
 * Checks ID tokens the way Spring's {@link OidcIdTokenDecoderFactory} does (signature against the issuer's key set,
 * issuer, audience = our client id, authorized party, expiry and issue time; the nonce is checked by the sign-in
 * itself), but fetches the key set with {@link OidcHttp}'s timeouts, and accepts only the asymmetric algorithms the
 * issuer announces (RS256 when it announces none): an HMAC "signature" keyed with something public proves nothing.
 */
final class IdTokenDecoders implements JwtDecoderFactory<ClientRegistration> {
    private final Map<String, JwtDecoder> decoders = new ConcurrentHashMap<>();
    private final RestTemplate http = new RestTemplate(OidcHttp.requestFactory());

    @Override
    public JwtDecoder createDecoder(ClientRegistration registration) {
        // One per registration, so that the fetched key set is cached between sign-ins.
        return decoders.computeIfAbsent(registration.getRegistrationId(), id -> decoderFor(registration));
    }

    private JwtDecoder decoderFor(ClientRegistration registration) {
        Set<SignatureAlgorithm> algorithms = announcedAlgorithms(registration);
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(registration.getProviderDetails().getJwkSetUri())
                .jwsAlgorithms(accepted -> accepted.addAll(algorithms))
                .restOperations(http)
                .build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(new JwtTimestampValidator(), new OidcIdTokenValidator(registration)));
        decoder.setClaimSetConverter(OidcIdTokenDecoderFactory.createDefaultClaimTypeConverter());
        return decoder;
    }

    private static Set<SignatureAlgorithm> announcedAlgorithms(ClientRegistration registration) {
        Object announced = registration.getProviderDetails().getConfigurationMetadata().get("id_token_signing_alg_values_supported");
        Set<SignatureAlgorithm> algorithms = announced instanceof Collection<?> names
                ? names.stream().map(String::valueOf).map(SignatureAlgorithm::from).filter(java.util.Objects::nonNull).collect(Collectors.toSet())
                : Set.of();
        return algorithms.isEmpty() ? Set.of(SignatureAlgorithm.RS256) : algorithms;
    }
}
