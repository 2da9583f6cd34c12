package dev.greenlight.evidence.json;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.greenlight.evidence.EvidenceType;

/**
 * The fuzz targets on seeded mutations of their seeds, in every build (Jazzer explores further where it is enabled):
 * bytes flipped, cut, repeated, spliced and sprinkled with JSON tokens; only declared exceptions may escape.
 */
class JsonParsersMutationTest {
    private static final int MUTATIONS_PER_SEED = 30;
    private static final List<byte[]> TOKENS = List.of("{", "}", "[", "]", "\"", ",", ":", "null", "true", "-1", "1e999", "0.5",
            "\"\\u0000\"", "\"\\ud800\"", "{\"a\":", "[[[[", "\"level\": \"error\"", "\"status\": \"accepted\"", "\"ok\": false",
            "\"payload\": \"e30=\"", "\"components\": [", "\"dependsOn\": [\"x\"]", "\"kind\": \"pass\"", "\"ruleIndex\": 99999999999")
            .stream().map(token -> token.getBytes(StandardCharsets.UTF_8)).toList();

    @ParameterizedTest
    @EnumSource(value = EvidenceType.class, names = {"CYCLONEDX", "SPDX", "SARIF", "TRIVY", "GRYPE", "K6", "OPENVEX", "IN_TOTO"})
    void parsesOrRejectsMutatedSeeds(EvidenceType type) {
        var parser = JsonFuzzTargets.parser(type);
        List<byte[]> seeds = JsonFuzzTargets.seeds(type).toList();
        Random random = new Random(type.ordinal() * 7919L);
        for (byte[] seed : seeds) {
            JsonFuzzTargets.parseOrReject(parser, seed);
            for (int i = 0; i < MUTATIONS_PER_SEED; i++) {
                byte[] mutated = mutate(seed, seeds.get(random.nextInt(seeds.size())), random);
                JsonFuzzTargets.parseOrReject(parser, mutated);
                if (type == EvidenceType.IN_TOTO) {
                    JsonFuzzTargets.parseOrRejectEnveloped(mutated);
                }
            }
        }
    }

    static byte[] mutate(byte[] seed, byte[] other, Random random) {
        byte[] bytes = seed.clone();
        int rounds = 1 + random.nextInt(4);
        for (int round = 0; round < rounds && bytes.length > 0; round++) {
            int at = random.nextInt(bytes.length);
            bytes = switch (random.nextInt(6)) {
                case 0 -> {
                    bytes[at] = (byte) random.nextInt(256);
                    yield bytes;
                }
                case 1 -> Arrays.copyOf(bytes, at);
                case 2 -> splice(bytes, at, Math.min(bytes.length, at + random.nextInt(64)), new byte[0]);
                case 3 -> splice(bytes, at, at, TOKENS.get(random.nextInt(TOKENS.size())));
                case 4 -> {
                    int end = Math.min(bytes.length, at + 1 + random.nextInt(128));
                    yield splice(bytes, end, end, Arrays.copyOfRange(bytes, at, end));
                }
                default -> {
                    int from = random.nextInt(other.length);
                    yield splice(bytes, at, at, Arrays.copyOfRange(other, from, Math.min(other.length, from + random.nextInt(256))));
                }
            };
        }
        return bytes;
    }

    private static byte[] splice(byte[] bytes, int from, int to, byte[] insert) {
        byte[] result = new byte[bytes.length - (to - from) + insert.length];
        System.arraycopy(bytes, 0, result, 0, from);
        System.arraycopy(insert, 0, result, from, insert.length);
        System.arraycopy(bytes, to, result, from + insert.length, bytes.length - to);
        return result;
    }
}
