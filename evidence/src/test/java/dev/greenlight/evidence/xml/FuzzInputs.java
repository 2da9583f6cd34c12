package dev.greenlight.evidence.xml;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Inputs for the fuzz tests' regression runs: the seeds, and for each a fixed set of mutations (truncations, flipped
 * bytes, inserted markup, duplicated and removed slices) from a fixed random seed, so that every build replays the
 * same inputs. Jazzer, when it runs, starts from the same seeds.
 */
public final class FuzzInputs {
    private static final String[] TOKENS = {
            "<", ">", "</", "/>", "\"", "'", "&", "&lt;", "&#0;", "&#x110000;", "&xxe;", "<![CDATA[", "]]>", "<!--", "-->", "<?", "?>",
            "<!DOCTYPE x [<!ENTITY e \"v\">]>", "\u0000", "\uFFFF", "\uD800", "é", "-", ",", ":", "\n", "\r", "-1", "0",
            "99999999999999999999", "NaN", "end_of_record\n", "SF:\n", "DA:0,1\n", "BRDA:1,0,0,-\n", "xmlns=\"http://cyclonedx.org/schema/bom/1.6\""};

    private FuzzInputs() {
    }

    /** The seeds, then {@code mutationsPerSeed} mutations of each. */
    public static Stream<byte[]> withMutations(List<byte[]> seeds, int mutationsPerSeed) {
        Random random = new Random(20_240_601L);
        List<byte[]> inputs = new ArrayList<>(seeds);
        for (byte[] seed : seeds) {
            for (int i = 0; i < mutationsPerSeed; i++) {
                inputs.add(mutate(seed, random));
            }
        }
        return inputs.stream();
    }

    public static List<byte[]> resources(String... paths) {
        return Arrays.stream(paths).map(Fixtures::bytes).toList();
    }

    private static byte[] mutate(byte[] seed, Random random) {
        byte[] input = seed.clone();
        int rounds = 1 + random.nextInt(4);
        for (int round = 0; round < rounds; round++) {
            input = switch (random.nextInt(5)) {
                case 0 -> Arrays.copyOf(input, input.length == 0 ? 0 : random.nextInt(input.length));
                case 1 -> flip(input, random);
                case 2 -> insert(input, random, TOKENS[random.nextInt(TOKENS.length)].getBytes(StandardCharsets.UTF_8));
                case 3 -> duplicateSlice(input, random);
                default -> removeSlice(input, random);
            };
        }
        return input;
    }

    private static byte[] flip(byte[] input, Random random) {
        if (input.length > 0) {
            input[random.nextInt(input.length)] = (byte) random.nextInt(256);
        }
        return input;
    }

    private static byte[] insert(byte[] input, Random random, byte[] token) {
        int at = random.nextInt(input.length + 1);
        byte[] result = new byte[input.length + token.length];
        System.arraycopy(input, 0, result, 0, at);
        System.arraycopy(token, 0, result, at, token.length);
        System.arraycopy(input, at, result, at + token.length, input.length - at);
        return result;
    }

    private static byte[] duplicateSlice(byte[] input, Random random) {
        if (input.length == 0) {
            return input;
        }
        int from = random.nextInt(input.length);
        int to = Math.min(input.length, from + 1 + random.nextInt(200));
        return insert(input, random, Arrays.copyOfRange(input, from, to));
    }

    private static byte[] removeSlice(byte[] input, Random random) {
        if (input.length == 0) {
            return input;
        }
        int from = random.nextInt(input.length);
        int to = Math.min(input.length, from + 1 + random.nextInt(200));
        byte[] result = new byte[input.length - (to - from)];
        System.arraycopy(input, 0, result, 0, from);
        System.arraycopy(input, to, result, from, input.length - to);
        return result;
    }
}
