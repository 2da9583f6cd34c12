package dev.greenlight.cli.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.greenlight.cli.failure.InvalidInputException;
import org.junit.jupiter.api.Test;

class ConnectionTest {
    private static final ApiKey KEY = new ApiKey("glk_id_secret");

    @Test
    void refusesToSendTheKeyInClearToAnotherMachine() {
        assertThatThrownBy(() -> new Connection(ServerAddress.parse("http://greenlight.example.com"), KEY, false))
                .isInstanceOf(InsecureTransportException.class)
                .hasMessageContaining("plain http to greenlight.example.com");
    }

    @Test
    void sendsItInClearOnlyWhenTheUserAcceptsTheRisk() {
        assertThatCode(() -> new Connection(ServerAddress.parse("http://greenlight.example.com"), KEY, true)).doesNotThrowAnyException();
    }

    @Test
    void allowsHttpsAndLoopback() {
        assertThatCode(() -> new Connection(ServerAddress.parse("https://greenlight.example.com"), KEY, false)).doesNotThrowAnyException();
        assertThatCode(() -> new Connection(ServerAddress.parse("http://127.0.0.1:8080"), KEY, false)).doesNotThrowAnyException();
    }

    @Test
    void apiKeyNeverShowsItsSecretAsText() {
        assertThat(KEY.toString()).doesNotContain("secret");
        assertThat(new Connection(ServerAddress.parse("https://x.example"), KEY, false).toString()).doesNotContain("glk_id_secret");
    }

    @Test
    void apiKeyRejectsWhatWouldCorruptTheHeader() {
        assertThatThrownBy(() -> new ApiKey("glk_id_se cret")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new ApiKey("glk_id\r\nX-Evil: 1")).isInstanceOf(InvalidInputException.class);
    }
}
