package dev.greenlight.cli.promotions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.TypeConversionException;

class DurationArgumentTest {
    @ParameterizedTest
    @CsvSource({
        "5m, PT5M",
        "90s, PT1M30S",
        "1h30m, PT1H30M",
        "500ms, PT0.5S",
        "2d, PT48H",
        "1m30s250ms, PT1M30.25S",
        "' 30S ', PT30S",
        "PT15M, PT15M",
        "pt2h, PT2H"
    })
    void readsShortAndIsoSpellings(String text, String iso) {
        assertThat(DurationArgument.parse(text)).isEqualTo(Duration.parse(iso));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "soon", "5", "5 m", "m5", "-5m", "1.5h", "5ms5s"})
    void refusesWhatIsNotADuration(String text) {
        assertThatThrownBy(() -> DurationArgument.parse(text)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("30s, 5m");
        assertThatThrownBy(() -> new DurationArgument.Converter().convert(text)).isInstanceOf(TypeConversionException.class);
    }

    @Test
    void formatsTheWayPeopleWriteIt() {
        assertThat(DurationArgument.format(Duration.ofMinutes(90))).isEqualTo("1h30m");
        assertThat(DurationArgument.format(Duration.ofSeconds(30))).isEqualTo("30s");
        assertThat(DurationArgument.format(Duration.ofMillis(1500))).as("whole seconds, rounded up").isEqualTo("2s");
        assertThat(DurationArgument.format(Duration.ofMillis(250))).isEqualTo("250ms");
        assertThat(DurationArgument.format(Duration.ofHours(49))).isEqualTo("2d1h");
        assertThat(DurationArgument.format(Duration.ZERO)).isEqualTo("0s");
        assertThat(DurationArgument.format(Duration.ofSeconds(-3))).isEqualTo("0s");
    }

    @Test
    void showsTheServersIsoDurationsShortAndLeavesOtherTextAlone() {
        assertThat(DurationArgument.formatIso("PT5M")).isEqualTo("5m");
        assertThat(DurationArgument.formatIso("PT0.5S")).isEqualTo("500ms");
        assertThat(DurationArgument.formatIso("-")).isEqualTo("-");
    }

    @Test
    void aWaitWithoutDurationLastsUntilTheEnd() {
        WaitLimit.Converter converter = new WaitLimit.Converter();

        assertThat(converter.convert(WaitLimit.UNTIL_DONE).limit()).isNull();
        assertThat(converter.convert(WaitLimit.UNTIL_DONE).describe()).isEqualTo("until it ends");
        assertThat(converter.convert("15m").limit()).isEqualTo(Duration.ofMinutes(15));
        assertThat(converter.convert("15m").describe()).isEqualTo("for at most 15m");
        assertThatThrownBy(() -> converter.convert("0s")).isInstanceOf(TypeConversionException.class).hasMessageContaining("longer than 0s");
        assertThatThrownBy(() -> converter.convert("payments")).isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("put --wait after the arguments, or write --wait=DURATION");
    }
}
