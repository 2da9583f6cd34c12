package dev.greenlight.server.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class RedactingJsonFormatterTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String KEY_ID = "abcdefghijklmnop";
    private static final String KEY_SECRET = "s".repeat(52);
    private static final String API_KEY = "glk_" + KEY_ID + "_" + KEY_SECRET;

    private final RedactingJsonFormatter formatter = new RedactingJsonFormatter();
    private final LoggerContext loggers = new LoggerContext();

    RedactingJsonFormatterTest() {
        loggers.setMDCAdapter(new LogbackMDCAdapter());
    }

    @Test
    void eventBecomesOneJsonObjectOnOneLineWithItsMdc() {
        LoggingEvent event = event(Level.WARN, "payments", null);
        event.setMDCPropertyMap(Map.of("requestId", "ci-run-7", "traceId", "4bf92f3577b34da6a3ce929d0e0e4736"));

        String line = formatter.format(event);

        assertThat(line).endsWith("\n");
        assertThat(line.strip()).doesNotContain("\n").doesNotContain("\r");
        JsonNode json = JSON.readTree(line);
        assertThat(json.get("level").asString()).isEqualTo("WARN");
        assertThat(json.get("logger").asString()).isEqualTo("dev.greenlight.test");
        assertThat(json.get("thread").asString()).isEqualTo("worker-1");
        assertThat(json.get("message").asString()).isEqualTo("payments");
        assertThat(json.get("requestId").asString()).isEqualTo("ci-run-7");
        assertThat(json.get("traceId").asString()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(Instant.parse(json.get("@timestamp").asString())).isEqualTo(Instant.ofEpochMilli(event.getTimeStamp()));
    }

    @Test
    void awkwardCharactersAreEscapedAndSurviveTheRoundTrip() {
        String message = "line one\nline \"two\"\r\n\ttabbed \\ back\\slash \u0001 control \u2028 separator ünïcödé";
        LoggingEvent event = event(Level.INFO, message, null);

        String line = formatter.format(event);

        assertThat(line.indexOf('\n')).isEqualTo(line.length() - 1);
        assertThat(JSON.readTree(line).get("message").asString()).isEqualTo(message);
    }

    @Test
    void messageMdcAndExceptionAreRedacted() {
        LoggingEvent event = event(Level.ERROR, "refused key " + API_KEY + " of ops@example.com",
                new IllegalStateException("lookup failed for Bearer " + API_KEY));
        Map<String, String> mdc = new LinkedHashMap<>();
        mdc.put("requestId", "r-1");
        mdc.put("caller", "password=hunter2hunter2");
        event.setMDCPropertyMap(mdc);

        String line = formatter.format(event);

        assertThat(line).doesNotContain(KEY_SECRET).doesNotContain("ops@example.com").doesNotContain("hunter2");
        JsonNode json = JSON.readTree(line);
        assertThat(json.get("message").asString()).isEqualTo("refused key glk_" + KEY_ID + "_*** of <email>");
        assertThat(json.get("exception").asString()).contains("IllegalStateException").contains("lookup failed for Bearer ***")
                .contains("RedactingJsonFormatterTest");
        assertThat(json.get("caller").asString()).isEqualTo("password=***");
    }

    private LoggingEvent event(Level level, String message, Throwable throwable) {
        LoggingEvent event = new LoggingEvent(RedactingJsonFormatterTest.class.getName(), loggers.getLogger("dev.greenlight.test"),
                level, message, throwable, null);
        event.setThreadName("worker-1");
        return event;
    }
}
