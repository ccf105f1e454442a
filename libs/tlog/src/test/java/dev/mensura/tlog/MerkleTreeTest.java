package dev.mensura.tlog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Known answers: the transparency-dev/merkle reference tree of eight leaves (RFC 6962 hashing,
 * the same as RFC 9162's), kept as a data file: roots of every size, inclusion and consistency proofs.
 */
class MerkleTreeTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final JsonNode VECTORS = load();

    private static JsonNode load() {
        try (InputStream in = MerkleTreeTest.class.getResourceAsStream("/vectors/transparency-dev-merkle.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MerkleTree tree() {
        MerkleTree tree = new MerkleTree();
        VECTORS.get("leafInputsHex").forEach(input -> tree.append(Hashes.leaf(HEX.parseHex(input.asText()))));
        return tree;
    }

    private static List<byte[]> hashes(JsonNode array) {
        List<byte[]> out = new ArrayList<>();
        array.forEach(h -> out.add(HEX.parseHex(h.asText())));
        return out;
    }

    private static byte[] root(long size) {
        return HEX.parseHex(VECTORS.get("rootsBySize").get((int) size).asText());
    }

    @Test
    void rootsOfEverySizeMatch() {
        MerkleTree tree = tree();
        assertThat(tree.size()).isEqualTo(8);
        for (int size = 0; size <= 8; size++) {
            assertThat(tree.root(size)).as("size %d", size).isEqualTo(root(size));
        }
        assertThat(Hashes.empty()).isEqualTo(root(0));
    }

    @Test
    void inclusionProofsMatchAndVerify() {
        MerkleTree tree = tree();
        for (JsonNode v : VECTORS.get("inclusionProofs")) {
            long index = v.get("index").asLong();
            long size = v.get("size").asLong();
            List<byte[]> expected = hashes(v.get("proof"));
            assertThat(tree.inclusionProof(index, size)).as("PATH(%d, %d)", index, size)
                    .usingElementComparator(java.util.Arrays::compare).containsExactlyElementsOf(expected);
            assertThat(Proofs.verifyInclusion(tree.leaf(index), index, size, expected, root(size))).isTrue();
            assertThat(Proofs.verifyInclusion(tree.leaf(index), index, size, expected, root(size - 1 == 0 ? 0 : size - 1)))
                    .isFalse();
        }
    }

    @Test
    void consistencyProofsMatchAndVerify() {
        MerkleTree tree = tree();
        for (JsonNode v : VECTORS.get("consistencyProofs")) {
            long m = v.get("size1").asLong();
            long n = v.get("size2").asLong();
            List<byte[]> expected = hashes(v.get("proof"));
            assertThat(tree.consistencyProof(m, n)).as("PROOF(%d, %d)", m, n)
                    .usingElementComparator(java.util.Arrays::compare).containsExactlyElementsOf(expected);
            assertThat(Proofs.verifyConsistency(m, n, expected, root(m), root(n))).isTrue();
            if (m < n) {
                assertThat(Proofs.verifyConsistency(m, n, expected, root(m - 1 == 0 ? 2 : m - 1), root(n))).isFalse();
            }
        }
    }
}
