package dev.greenlight.server.logging;

import java.time.Instant;
import java.util.Map;

import org.springframework.boot.logging.structured.StructuredLogFormatter;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;

/**
 * One JSON object per line: time, level, logger, thread, message, the MDC (requestId, traceId…) and the stack trace,
 * each passed through {@link SecretRedactor}. Selected in application.yaml by {@code logging.structured.format.console}.
 */
public class RedactingJsonFormatter implements StructuredLogFormatter<ILoggingEvent> {

    @Override
    public String format(ILoggingEvent event) {
        StringBuilder json = new StringBuilder(256);
        json.append('{');
        field(json, "@timestamp", Instant.ofEpochMilli(event.getTimeStamp()).toString());
        field(json, "level", event.getLevel().toString());
        field(json, "logger", event.getLoggerName());
        field(json, "thread", event.getThreadName());
        field(json, "message", SecretRedactor.redact(event.getFormattedMessage() == null ? "" : event.getFormattedMessage()));
        for (Map.Entry<String, String> entry : event.getMDCPropertyMap().entrySet()) {
            field(json, entry.getKey(), SecretRedactor.redact(String.valueOf(entry.getValue())));
        }
        IThrowableProxy throwable = event.getThrowableProxy();
        if (throwable != null) {
            field(json, "exception", SecretRedactor.redact(ThrowableProxyUtil.asString(throwable)));
        }
        json.setLength(json.length() - 1);
        json.append("}\n");
        return json.toString();
    }

    private static void field(StringBuilder json, String name, String value) {
        json.append('"');
        escape(json, name);
        json.append("\":\"");
        escape(json, value);
        json.append("\",");
    }

    static void escape(StringBuilder json, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
    }
}
