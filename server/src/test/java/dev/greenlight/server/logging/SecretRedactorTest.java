package dev.greenlight.server.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretRedactorTest {
    private static final String KEY_ID = "abcdefghijklmnop";
    private static final String KEY_SECRET = "q".repeat(26) + "r".repeat(26);
    private static final String API_KEY = "glk_" + KEY_ID + "_" + KEY_SECRET;
    private static final String JWT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJjaS1waXBlbGluZSJ9.c2lnbmF0dXJlLWJ5dGVz";

    @Test
    void apiKeyKeepsItsPublicIdAndLosesItsSecret() {
        String redacted = SecretRedactor.redact("request with key " + API_KEY + " refused");

        assertThat(redacted).isEqualTo("request with key glk_" + KEY_ID + "_*** refused");
    }

    @Test
    void malformedApiKeyIsRedactedWhole() {
        String redacted = SecretRedactor.redact("bad key glk_NotBase32AtAll0189 given");

        assertThat(redacted).isEqualTo("bad key glk_*** given");
    }

    @Test
    void bearerTokensAreRedacted() {
        assertThat(SecretRedactor.redact("sent Bearer some.opaque-token_value~1 to the API"))
                .isEqualTo("sent Bearer *** to the API");
        assertThat(SecretRedactor.redact("Authorization: Bearer opaque-token-value")).doesNotContain("opaque-token-value");
        assertThat(SecretRedactor.redact("authorization=Basic dXNlcjpwYXNzd29yZA==")).doesNotContain("dXNlcjpwYXNzd29yZA");
        assertThat(SecretRedactor.redact("Authorization: Bearer " + API_KEY)).doesNotContain(KEY_SECRET);
    }

    @Test
    void jwtsAreRedacted() {
        String redacted = SecretRedactor.redact("token " + JWT + " was refused");

        assertThat(redacted).doesNotContain("eyJzdWIiOiJjaS1waXBlbGluZSJ9").doesNotContain("c2lnbmF0dXJlLWJ5dGVz");
    }

    @Test
    void passwordAssignmentsAreRedacted() {
        assertThat(SecretRedactor.redact("login with password=hunter2hunter2 failed")).isEqualTo("login with password=*** failed");
        assertThat(SecretRedactor.redact("GET /callback?client_secret=abc123&state=xyz")).isEqualTo("GET /callback?client_secret=***&state=xyz");
        assertThat(SecretRedactor.redact("api_key: k3y-value")).isEqualTo("api_key: ***");
    }

    @Test
    void jsonPasswordValuesAreRedactedWholeEvenWithSpacesOrEscapedQuotes() {
        String redacted = SecretRedactor.redact(
                "body {\"name\":\"ci\",\"password\":\"correct horse battery\",\"currentPassword\" : \"say \\\"friend\\\" and enter\"}");

        assertThat(redacted).doesNotContain("correct").doesNotContain("horse").doesNotContain("battery")
                .doesNotContain("friend").doesNotContain("enter")
                .contains("\"name\":\"ci\"");
    }

    @Test
    void emailAddressesAreRedacted() {
        String redacted = SecretRedactor.redact("invited jane.doe+ci@mail.example.co.uk to the project");

        assertThat(redacted).isEqualTo("invited <email> to the project");
    }

    @Test
    void ordinaryTextIsLeftAlone() {
        String line = "GET \"/api/v1/projects/payments/releases?limit=20\", parameters={masked} completed 200 OK in 12 ms";

        assertThat(SecretRedactor.redact(line)).isEqualTo(line);
    }
}
