package dev.greenlight.ledger.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.greenlight.ledger.Hash;
import dev.greenlight.ledger.LedgerErrorCode;
import dev.greenlight.ledger.LedgerException;
import dev.greenlight.ledger.LedgerFormatException;
import dev.greenlight.ledger.merkle.Rfc6962;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CheckpointTest {
    private static final String ROOT = "CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=";

    @Test
    void parsesTheSpecificationExample() {
        Checkpoint checkpoint = Checkpoint.parse("example.com/behind-the-sofa\n20852163\n" + ROOT + "\n");

        assertThat(checkpoint.origin()).isEqualTo("example.com/behind-the-sofa");
        assertThat(checkpoint.size()).isEqualTo(20_852_163);
        assertThat(checkpoint.root()).isEqualTo(Hash.fromBase64(ROOT));
        assertThat(checkpoint.extensions()).isEmpty();
    }

    @Test
    void writesThreeLinesEachEndingInNewline() {
        Checkpoint checkpoint = new Checkpoint("greenlight.example.com/ledger", 0, Rfc6962.EMPTY_ROOT, List.of());

        assertThat(checkpoint.toText())
                .isEqualTo("greenlight.example.com/ledger\n0\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n");
    }

    @Test
    void extensionLinesRoundTrip() {
        String text = "example.com/log\n42\n" + ROOT + "\nextension one\nextension two\n";
        Checkpoint checkpoint = Checkpoint.parse(text);

        assertThat(checkpoint.extensions()).containsExactly("extension one", "extension two");
        assertThat(checkpoint.toText()).isEqualTo(text);
    }

    @Test
    void acceptsTheLargestSize() {
        assertThat(Checkpoint.parse("o\n9223372036854775807\n" + ROOT + "\n").size()).isEqualTo(Long.MAX_VALUE);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "example.com/log\n",
        "example.com/log\n5\n",
        "example.com/log\n5\n" + ROOT,
        "\n5\n" + ROOT + "\n",
        "example.com/log\n05\n" + ROOT + "\n",
        "example.com/log\n00\n" + ROOT + "\n",
        "example.com/log\n-1\n" + ROOT + "\n",
        "example.com/log\n+5\n" + ROOT + "\n",
        "example.com/log\n 5\n" + ROOT + "\n",
        "example.com/log\n5 \n" + ROOT + "\n",
        "example.com/log\n0x5\n" + ROOT + "\n",
        "example.com/log\n\u0665\n" + ROOT + "\n",
        "example.com/log\n9223372036854775808\n" + ROOT + "\n",
        "example.com/log\n5\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I\n",
        "example.com/log\n5\nCsUYapGGPo4dkMgIAUqom_Xajj7h2fB2MPA3j2jxq2I=\n",
        "example.com/log\n5\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2J=\n",
        "example.com/log\n5\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxqw==\n",
        "example.com/log\n5\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2IA\n",
        "example.com/log\n5\n" + ROOT + "\n\n",
        "example.com/log\n5\n" + ROOT + "\next\n\n",
        "example.com/log\r\n5\n" + ROOT + "\n",
        "example.com/log\n5\n" + ROOT + "\ttab\n",
    })
    void rejectsMalformedCheckpoints(String text) {
        assertThatThrownBy(() -> Checkpoint.parse(text))
                .isInstanceOf(LedgerFormatException.class)
                .extracting(e -> ((LedgerException) e).errorCode())
                .isEqualTo(LedgerErrorCode.MALFORMED_CHECKPOINT);
    }
}
