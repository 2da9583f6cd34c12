package dev.greenlight.bench.evidence;

import java.nio.charset.StandardCharsets;

/** A generated LCOV tracefile as geninfo and Istanbul write it: per source file FN/FNDA, DA, BRDA and the summaries. */
final class LcovReport {
    private LcovReport() {
    }

    static byte[] lcov(int targetBytes) {
        Gen gen = new Gen(0x1c0f);
        StringBuilder out = new StringBuilder(targetBytes + 65536);
        for (int file = 0; out.length() < targetBytes - 100; file++) {
            out.append("TN:\nSF:/home/runner/work/app/app/src/").append(gen.word()).append('/').append(gen.word()).append('/')
                    .append(gen.camel(2)).append(file).append(".ts\n");
            int functions = gen.between(2, 20);
            String[] names = new String[functions];
            int line = gen.between(1, 20);
            for (int f = 0; f < functions; f++) {
                names[f] = gen.camel(2) + f;
                out.append("FN:").append(line).append(',').append(names[f]).append('\n');
                line += gen.between(3, 25);
            }
            int hitFunctions = 0;
            for (int f = 0; f < functions; f++) {
                int hits = gen.chance(0.8) ? gen.between(1, 300) : 0;
                hitFunctions += hits > 0 ? 1 : 0;
                out.append("FNDA:").append(hits).append(',').append(names[f]).append('\n');
            }
            out.append("FNF:").append(functions).append("\nFNH:").append(hitFunctions).append('\n');
            int lines = 0;
            int hitLines = 0;
            StringBuilder branches = new StringBuilder();
            int branchCount = 0;
            int branchHits = 0;
            for (int l = 1; l < line; l++) {
                if (gen.chance(0.25)) {
                    continue;
                }
                int hits = gen.chance(0.82) ? gen.between(1, 2000) : 0;
                lines++;
                hitLines += hits > 0 ? 1 : 0;
                out.append("DA:").append(l).append(',').append(hits).append('\n');
                if (gen.chance(0.12)) {
                    for (int b = 0; b < 2; b++) {
                        int taken = hits == 0 ? -1 : gen.chance(0.7) ? gen.between(1, hits) : 0;
                        branchCount++;
                        branchHits += taken > 0 ? 1 : 0;
                        branches.append("BRDA:").append(l).append(",0,").append(b).append(',').append(taken < 0 ? "-" : String.valueOf(taken))
                                .append('\n');
                    }
                }
            }
            out.append(branches).append("BRF:").append(branchCount).append("\nBRH:").append(branchHits).append("\nLF:").append(lines)
                    .append("\nLH:").append(hitLines).append("\nend_of_record\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
