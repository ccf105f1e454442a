package dev.mensura.tlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The C2SP signed-note format against golang.org/x/mod/sumdb/note's published example. */
class SignedNoteTest {
    private static final String VKEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    private static final String SKEY_MATERIAL = "AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
    private static final String TEXT = "If you think cryptography is the answer to your problem,\n"
            + "then you don't know what your problem is.\n";
    private static final String NOTE = TEXT + "\n\u2014 PeterNeumann "
            + "x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";

    private static SignedNote.Signer peter() throws Exception {
        byte[] seed = Arrays.copyOfRange(Base64.getDecoder().decode(SKEY_MATERIAL), 1, 33);
        return new SignedNote.Signer("PeterNeumann", VerifierKey.parse(VKEY).publicKey(), NoteKeys.signerFromSeed(seed));
    }

    @Test
    void signingReproducesTheGoExampleByteForByte() throws Exception {
        assertThat(SignedNote.sign(TEXT, List.of(peter()))).isEqualTo(NOTE);
        assertThat(peter().verifierKey().toString()).isEqualTo(VKEY);
    }

    @Test
    void opensWithTheTrustedKeyAndRefusesAnyChange() {
        var key = VerifierKey.parse(VKEY);
        assertThat(SignedNote.open(NOTE, List.of(key)).text()).isEqualTo(TEXT);
        assertThatThrownBy(() -> SignedNote.open(NOTE.replace("cryptography", "cryptographY"), List.of(key)))
                .hasMessageContaining("invalid signature");
        assertThatThrownBy(() -> SignedNote.open(NOTE, List.of(
                VerifierKey.parse("EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop"))))
                .hasMessageContaining("no signature by a trusted key");
        assertThatThrownBy(() -> VerifierKey.parse(VKEY.replace("c74f20a3", "c74f20a4"))).hasMessageContaining("hash");
    }

    @Test
    void aCheckpointRoundTripsThroughANote() throws Exception {
        var checkpoint = new Checkpoint("mensura.dev/audit/test", 8, Hashes.empty());
        String note = SignedNote.sign(checkpoint.text(), List.of(peter()));
        var opened = SignedNote.open(note, List.of(VerifierKey.parse(VKEY)));
        assertThat(Checkpoint.parse(opened.text())).isEqualTo(checkpoint);
        assertThat(checkpoint.text()).isEqualTo("mensura.dev/audit/test\n8\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n");
        assertThatThrownBy(() -> Checkpoint.parse("origin\n08\nAAAA\n")).hasMessageContaining("canonical");
    }
}
