package dev.greenlight.server.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

    private static String canonical(Object value) {
        return new String(CanonicalJson.serialize(value), StandardCharsets.UTF_8);
    }

    @Test
    void sortsMembersByUtf16CodeUnitsAtEveryLevel() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("b", 1);
        inner.put("a", 2);
        Map<String, Object> outer = new LinkedHashMap<>();
        outer.put("z", inner);
        outer.put("\u20ac", "euro");
        outer.put("\r", "cr");
        outer.put("1", List.of(true, false));
        outer.put("\ud83d\ude00", "emoji");
        outer.put("\u00f6", "o-umlaut");
        // RFC 8785 §3.2.3's example order: "\r" < "1" < "ö" < "€" < "😀" by UTF-16 code units.
        assertThat(canonical(outer)).isEqualTo(
                "{\"\\r\":\"cr\",\"1\":[true,false],\"z\":{\"a\":2,\"b\":1},\"\u00f6\":\"o-umlaut\",\"\u20ac\":\"euro\",\"\ud83d\ude00\":\"emoji\"}");
    }

    @Test
    void escapesOnlyWhatJsonRequires() {
        assertThat(canonical("quote\" backslash\\ nl\n tab\t bell\u0007 del\u007f slash/ \u2028"))
                .isEqualTo("\"quote\\\" backslash\\\\ nl\\n tab\\t bell\\u0007 del\u007f slash/ \u2028\"");
    }

    @Test
    void writesIntegersBooleansAndNullPlainly() {
        assertThat(canonical(Arrays.asList(0, -1, 9007199254740991L, true, null))).isEqualTo("[0,-1,9007199254740991,true,null]");
    }

    @Test
    void refusesWhatHasNoCanonicalForm() {
        assertThatThrownBy(() -> CanonicalJson.serialize(1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalJson.serialize(9007199254740992L)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalJson.serialize("broken \ud800 surrogate")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalJson.serialize(Map.of(1, "x"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sameValueAlwaysGivesTheSameBytes() {
        Map<String, Object> first = new LinkedHashMap<>();
        first.put("kind", "project.created");
        first.put("actor", "admin");
        Map<String, Object> second = new LinkedHashMap<>();
        second.put("actor", "admin");
        second.put("kind", "project.created");
        assertThat(CanonicalJson.serialize(first)).isEqualTo(CanonicalJson.serialize(second));
    }
}
