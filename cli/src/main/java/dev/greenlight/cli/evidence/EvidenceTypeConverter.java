package dev.greenlight.cli.evidence;

import dev.greenlight.evidence.EvidenceType;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --type} as one of the wire names the server knows: {@code junit}, {@code in-toto}... */
final class EvidenceTypeConverter implements ITypeConverter<EvidenceType> {
    @Override
    public EvidenceType convert(String value) {
        return EvidenceType.fromWireName(value.strip().toLowerCase(Locale.ROOT))
                .orElseThrow(() -> new TypeConversionException("'" + value + "' is not an evidence type; the types are "
                        + Arrays.stream(EvidenceType.values()).map(EvidenceType::wireName).collect(Collectors.joining(", ")) + "."));
    }

    /** The wire names, for help and shell completion. */
    static final class Names implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(EvidenceType.values()).map(EvidenceType::wireName).iterator();
        }
    }
}
