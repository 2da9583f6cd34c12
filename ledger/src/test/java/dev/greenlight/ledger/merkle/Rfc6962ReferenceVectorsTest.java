package dev.greenlight.ledger.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.greenlight.ledger.Hash;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The RFC 6962 reference test vectors (eight leaves, the roots of sizes 1 to 8, audit and consistency paths), as
 * published with the certificate-transparency reference implementation and transparency-dev/merkle.
 */
class Rfc6962ReferenceVectorsTest {
    static final List<byte[]> LEAVES = Stream.of(
                    "", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f")
            .map(HexFormat.of()::parseHex)
            .toList();

    static final List<Hash> ROOTS = Stream.of(
                    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
                    "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
                    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
                    "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
                    "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
                    "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
                    "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328")
            .map(Hash::fromHex)
            .toList();

    private static InMemoryHashStore referenceTree() {
        InMemoryHashStore store = new InMemoryHashStore();
        store.write(TreeAppender.appendEntries(0, LEAVES, store).hashesToStore());
        return store;
    }

    static Stream<Arguments> inclusionPaths() {
        return Stream.of(
                Arguments.of(0, 8, List.of(
                        "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                        "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")),
                Arguments.of(5, 8, List.of(
                        "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                        "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")),
                Arguments.of(2, 3, List.of("fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125")),
                Arguments.of(1, 5, List.of(
                        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                        "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")),
                Arguments.of(0, 1, List.of()));
    }

    static Stream<Arguments> consistencyPaths() {
        return Stream.of(
                Arguments.of(1, 1, List.of()),
                Arguments.of(1, 8, List.of(
                        "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                        "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")),
                Arguments.of(6, 8, List.of(
                        "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                        "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")),
                Arguments.of(2, 5, List.of(
                        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                        "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")),
                Arguments.of(6, 7, List.of(
                        "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                        "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
                        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")));
    }

    @Test
    void emptyTreeRootIsSha256OfNothing() {
        assertThat(Rfc6962.EMPTY_ROOT.base64()).isEqualTo("47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
        assertThat(new MerkleTree(new InMemoryHashStore()).root(0)).isEqualTo(Rfc6962.EMPTY_ROOT);
    }

    @Test
    void leafAndNodeHashesArePrefixedSha256() {
        assertThat(Rfc6962.leafHash(new byte[0]).hex())
                .isEqualTo("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
        assertThat(Rfc6962.nodeHash(Rfc6962.leafHash(LEAVES.get(0)), Rfc6962.leafHash(LEAVES.get(1))))
                .isEqualTo(ROOTS.get(1));
    }

    @Test
    void rootsOfSizesOneToEightMatchTheReference() {
        MerkleTree tree = new MerkleTree(referenceTree());
        for (int size = 1; size <= 8; size++) {
            assertThat(tree.root(size)).as("root of size %d", size).isEqualTo(ROOTS.get(size - 1));
        }
    }

    @Test
    void appendingOneByOneGivesTheReferenceRoots() {
        InMemoryHashStore store = new InMemoryHashStore();
        for (int i = 0; i < LEAVES.size(); i++) {
            AppendResult result = TreeAppender.appendEntries(i, List.of(LEAVES.get(i)), store);
            store.write(result.hashesToStore());
            assertThat(result.newRoot()).isEqualTo(ROOTS.get(i));
        }
    }

    @ParameterizedTest(name = "index {0} in tree of size {1}")
    @MethodSource("inclusionPaths")
    void inclusionPathsMatchTheReferenceAndVerify(long index, long size, List<String> expected) {
        InclusionProof proof = new MerkleTree(referenceTree()).inclusionProof(index, size);

        assertThat(proof.hashes()).containsExactlyElementsOf(expected.stream().map(Hash::fromHex).toList());
        assertThatCode(() -> proof.verify(Rfc6962.leafHash(LEAVES.get((int) index)), ROOTS.get((int) size - 1)))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "from size {0} to {1}")
    @MethodSource("consistencyPaths")
    void consistencyPathsMatchTheReferenceAndVerify(long oldSize, long newSize, List<String> expected) {
        ConsistencyProof proof = new MerkleTree(referenceTree()).consistencyProof(oldSize, newSize);

        assertThat(proof.hashes()).containsExactlyElementsOf(expected.stream().map(Hash::fromHex).toList());
        assertThatCode(() -> proof.verify(ROOTS.get((int) oldSize - 1), ROOTS.get((int) newSize - 1)))
                .doesNotThrowAnyException();
    }
}
