package dev.mensura.tlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Properties over random tree sizes: every proof verifies, every altered proof, leaf or root does not. */
class MerkleTreePropertiesTest {

    private static MerkleTree tree(int size, long seed) {
        MerkleTree tree = new MerkleTree();
        for (int i = 0; i < size; i++) {
            tree.append(Hashes.leaf((seed + ":" + i).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        return tree;
    }

    /** RFC 9162's MTH written straight from its definition, without the tree's subtree cache. */
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

    @Property(tries = 200)
    void theCachedRootIsTheDefinitionsRoot(@ForAll @IntRange(min = 0, max = 300) int size, @ForAll long seed) {
        MerkleTree tree = tree(size, seed);
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            leaves.add(tree.leaf(i));
        }
        assertThat(tree.root(size)).isEqualTo(reference(leaves));
    }

    record Inclusion(int size, int index, long seed) {
    }

    @Provide
    Arbitrary<Inclusion> inclusions() {
        return Arbitraries.integers().between(1, 1000).flatMap(size -> Combinators.combine(
                Arbitraries.integers().between(0, size - 1), Arbitraries.longs()).as((i, s) -> new Inclusion(size, i, s)));
    }

    @Property(tries = 300)
    void inclusionProofsVerifyAndNothingElseDoes(@ForAll("inclusions") Inclusion c) {
        MerkleTree tree = tree(c.size(), c.seed());
        byte[] root = tree.root(c.size());
        List<byte[]> proof = tree.inclusionProof(c.index(), c.size());
        assertThat(Proofs.verifyInclusion(tree.leaf(c.index()), c.index(), c.size(), proof, root)).isTrue();
        if (c.size() > 1) {
            int other = (c.index() + 1) % c.size();
            assertThat(Proofs.verifyInclusion(tree.leaf(other), c.index(), c.size(), proof, root)).isFalse();
            assertThat(Proofs.verifyInclusion(tree.leaf(c.index()), other, c.size(), proof, root)).isFalse();
            List<byte[]> altered = new ArrayList<>(proof);
            byte[] flipped = altered.get(0).clone();
            flipped[c.index() % 32] ^= 0x01;
            altered.set(0, flipped);
            assertThat(Proofs.verifyInclusion(tree.leaf(c.index()), c.index(), c.size(), altered, root)).isFalse();
        }
    }

    record Consistency(int from, int to, long seed) {
    }

    @Provide
    Arbitrary<Consistency> consistencies() {
        return Arbitraries.integers().between(1, 1000).flatMap(to -> Combinators.combine(
                Arbitraries.integers().between(1, to), Arbitraries.longs()).as((f, s) -> new Consistency(f, to, s)));
    }

    @Property(tries = 300)
    void consistencyProofsVerifyAndARewrittenHistoryDoesNot(@ForAll("consistencies") Consistency c) {
        MerkleTree tree = tree(c.to(), c.seed());
        List<byte[]> proof = tree.consistencyProof(c.from(), c.to());
        assertThat(Proofs.verifyConsistency(c.from(), c.to(), proof, tree.root(c.from()), tree.root(c.to()))).isTrue();
        if (c.from() < c.to()) {
            // The same sizes over a history that differs in one old leaf: the old root no longer fits.
            MerkleTree other = tree(c.to(), c.seed() + 1);
            assertThat(Proofs.verifyConsistency(c.from(), c.to(), proof, other.root(c.from()), tree.root(c.to())))
                    .isFalse();
        }
    }
}
