package dev.greenlight.evidence.json;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A CycloneDX JSON BOM of any size made on the fly, component by component, never held in memory: streaming tests read
 * far more bytes than the heap they are given.
 */
final class GeneratedCycloneDxBom extends InputStream {
    private static final byte[] HEADER = """
            {"bomFormat": "CycloneDX", "specVersion": "1.6", "version": 1,
             "metadata": {"tools": {"components": [{"type": "application", "name": "generator"}]}},
             "components": [
            """.getBytes(StandardCharsets.UTF_8);
    private static final byte[] MIDDLE = "],\n\"dependencies\": [".getBytes(StandardCharsets.UTF_8);
    private static final byte[] FOOTER = "]}\n".getBytes(StandardCharsets.UTF_8);

    private final long components;
    private long produced;
    private long dependencies;
    private byte[] chunk = HEADER;
    private int position;
    private boolean finished;

    /** A BOM of about {@code megabytes} MB: components of about 400 bytes each, plus one dependency entry per 100. */
    static GeneratedCycloneDxBom ofMegabytes(long megabytes) {
        return new GeneratedCycloneDxBom(megabytes * 1024 * 1024 / 400);
    }

    GeneratedCycloneDxBom(long components) {
        this.components = components;
    }

    long components() {
        return components;
    }

    /** One dependency entry per 100 components, each depending on two others. */
    long dependencyRelations() {
        return 2 * (components / 100);
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        while (position == chunk.length) {
            if (!advance()) {
                return -1;
            }
        }
        int count = Math.min(length, chunk.length - position);
        System.arraycopy(chunk, position, buffer, offset, count);
        position += count;
        return count;
    }

    private boolean advance() {
        position = 0;
        if (produced < components) {
            long i = produced++;
            String coordinates = "org.example.group" + i + "/artifact-" + i + "@1." + (i % 10) + ".0";
            StringBuilder component = new StringBuilder(420).append(i == 0 ? "" : ",")
                    .append("{\"type\": \"library\", \"bom-ref\": \"pkg:maven/").append(coordinates)
                    .append("\", \"group\": \"org.example.group").append(i)
                    .append("\",\n \"name\": \"artifact-").append(i).append("\", \"version\": \"1.").append(i % 10)
                    .append(".0\", \"purl\": \"pkg:maven/").append(coordinates)
                    .append("\",\n \"licenses\": [{\"license\": {\"id\": \"").append(i % 3 == 0 ? "MIT" : "Apache-2.0")
                    .append("\"}}], \"hashes\": [{\"alg\": \"SHA-256\", \"content\": \"");
            String hex = Long.toHexString(i);
            component.repeat('0', 64 - hex.length()).append(hex).append("\"}]}\n");
            chunk = component.toString().getBytes(StandardCharsets.ISO_8859_1);
            return true;
        }
        if (produced == components) {
            produced++;
            chunk = MIDDLE;
            return true;
        }
        if (dependencies < components / 100) {
            long i = dependencies++;
            chunk = ((i == 0 ? "" : ",") + "{\"ref\": \"r%d\", \"dependsOn\": [\"a%d\", \"b%d\"]}".formatted(i, i, i))
                    .getBytes(StandardCharsets.UTF_8);
            return true;
        }
        if (!finished) {
            finished = true;
            chunk = FOOTER;
            return true;
        }
        return false;
    }
}
