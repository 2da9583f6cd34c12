package dev.greenlight.cli.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.greenlight.cli.failure.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ServerAddressTest {
    @Test
    void dropsTrailingSlashesAndKeepsAPathPrefix() {
        ServerAddress server = ServerAddress.parse(" https://example.com/greenlight// ");

        assertThat(server.resolve(ApiPath.of("me"), "").toString()).isEqualTo("https://example.com/greenlight/api/v1/me");
        assertThat(server.resolve(ApiPath.of("projects"), "limit=5").toString())
                .isEqualTo("https://example.com/greenlight/api/v1/projects?limit=5");
    }

    @ParameterizedTest
    @ValueSource(strings = {"example.com", "ftp://example.com", "https://user:pw@example.com", "https://example.com?x=1", "http://"})
    void rejectsWhatIsNotAPlainHttpBaseUrl(String text) {
        assertThatThrownBy(() -> ServerAddress.parse(text)).isInstanceOf(InvalidInputException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:8080", "http://127.0.0.1", "http://127.8.9.10:1", "http://[::1]:8080", "http://app.localhost"})
    void recognisesThisMachine(String text) {
        assertThat(ServerAddress.parse(text).isLoopback()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://10.0.0.5", "http://greenlight.internal", "http://localhost.example.com", "http://[2001:db8::1]"})
    void treatsEveryOtherHostAsRemoteWithoutAskingDns(String text) {
        assertThat(ServerAddress.parse(text).isLoopback()).isFalse();
    }
}
