package dev.mensura.tlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** RFC 9162 hashes and proofs against the published vectors (transparency-dev/merkle testonly). */
class MerkleTreeTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final String[] INPUTS = {"", "00", "10", "2021", "3031", "40414243", "5051525354555657",
            "606162636465666768696a6b6c6d6e6f"};
    /** Roots of the trees of size 0 to 8 built from {@link #INPUTS}. */
    private static final String[] ROOTS = {
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"};

    private static List<byte[]> leaves() {
        List<byte[]> leaves = new ArrayList<>();
        for (String input : INPUTS) {
            leaves.add(Hashes.leaf(HEX.parseHex(input)));
        }
        return leaves;
    }

    @Test
    void rootsOfEverySizeMatchTheVectors() {
        List<byte[]> leaves = leaves();
        assertThat(HEX.formatHex(leaves.get(0))).isEqualTo(ROOTS[1]);
        for (int size = 0; size <= 8; size++) {
            assertThat(HEX.formatHex(MerkleTree.of(leaves).root(size))).as("size %d", size).isEqualTo(ROOTS[size]);
        }
    }

    @Test
    void publishedProofsAreProducedAndVerify() {
        List<byte[]> leaves = leaves();
        assertThat(hex(MerkleTree.of(leaves).inclusionProof(0, 8))).containsExactly(
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        assertThat(hex(MerkleTree.of(leaves).consistencyProof(6, 8))).containsExactly(
                "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        assertThat(hex(MerkleTree.of(leaves).consistencyProof(2, 5))).containsExactly(
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b");
        assertThat(Proofs.verifyConsistency(6, 8, MerkleTree.of(leaves).consistencyProof(6, 8),
                HEX.parseHex(ROOTS[6]), HEX.parseHex(ROOTS[8]))).isTrue();
        assertThat(Proofs.verifyConsistency(6, 8, MerkleTree.of(leaves).consistencyProof(6, 8),
                HEX.parseHex(ROOTS[5]), HEX.parseHex(ROOTS[8]))).isFalse();
    }

    @Test
    void everyInclusionAndConsistencyProofOfRandomTreesVerifiesAndNoTamperedOneDoes() {
        Random random = new Random(9162);
        for (int n = 1; n <= 70; n++) {
            List<byte[]> leaves = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                byte[] entry = new byte[1 + random.nextInt(40)];
                random.nextBytes(entry);
                entry[0] = (byte) i; // distinct leaves, so a wrong leaf is really wrong
                leaves.add(Hashes.leaf(entry));
            }
            MerkleTree tree = MerkleTree.of(leaves);
            for (int size = 1; size <= n; size++) {
                byte[] root = tree.root(size);
                assertThat(root).isEqualTo(reference(leaves.subList(0, size)));
                for (int index = 0; index < size; index++) {
                    List<byte[]> proof = tree.inclusionProof(index, size);
                    assertThat(Proofs.verifyInclusion(leaves.get(index), index, size, proof, root))
                            .as("inclusion %d in %d", index, size).isTrue();
                    if (size > 1) {
                        int other = (index + 1) % size;
                        assertThat(Proofs.verifyInclusion(leaves.get(other), index, size, proof, root))
                                .as("wrong leaf %d in %d", index, size).isFalse();
                        assertThat(Proofs.verifyInclusion(leaves.get(index), index, size,
                                flipped(proof, random.nextInt(proof.size())), root)).isFalse();
                    }
                }
                for (int m = 0; m <= size; m++) {
                    List<byte[]> proof = tree.consistencyProof(m, size);
                    byte[] oldRoot = tree.root(m);
                    assertThat(Proofs.verifyConsistency(m, size, proof, oldRoot, root))
                            .as("consistency %d -> %d", m, size).isTrue();
                    if (m > 0 && m < size) {
                        assertThat(Proofs.verifyConsistency(m, size, flipped(proof, random.nextInt(proof.size())),
                                oldRoot, root)).as("tampered consistency %d -> %d", m, size).isFalse();
                        assertThat(Proofs.verifyConsistency(m, size, proof, root, root)).isFalse();
                    }
                }
            }
        }
    }

    /** MTH straight from RFC 9162's definition, without the tree's cache. */
    private static byte[] reference(List<byte[]> leaves) {
        if (leaves.isEmpty()) {
            return Hashes.empty();
        }
        if (leaves.size() == 1) {
            return leaves.get(0);
        }
        int k = Integer.highestOneBit(leaves.size() - 1);
        return Hashes.node(reference(leaves.subList(0, k)), reference(leaves.subList(k, leaves.size())));
    }

    private static List<byte[]> flipped(List<byte[]> proof, int at) {
        List<byte[]> copy = new ArrayList<>();
        proof.forEach(p -> copy.add(p.clone()));
        copy.get(at)[0] ^= 1;
        return copy;
    }

    private static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(HEX::formatHex).toList();
    }
}
