package dev.mensura.edge.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mensura.testkit.DevCertificates;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceIdentityTest {

    @Test
    void aServiceCertificateNamesItsServiceAndTheCaNamesNone(@TempDir Path dir) throws Exception {
        DevCertificates certificates = DevCertificates.create(dir, List.of("vision-service"));
        assertThat(ServiceIdentity.of(read(certificates.certificateFile("vision-service")))).contains("vision-service");
        assertThat(ServiceIdentity.of(read(certificates.caFile()))).isEmpty();
    }

    @Test
    void theCallerMustBeAllowedAndItsTokenMustNameTheSameService() {
        String[] visionOnly = {"vision-service"};
        assertThat(CallerServiceFilter.refusal(visionOnly, "vision-service", Optional.of("vision-service"))).isNull();
        assertThat(CallerServiceFilter.refusal(visionOnly, "fitting-service", Optional.of("fitting-service")))
                .isEqualTo("service-not-allowed");
        assertThat(CallerServiceFilter.refusal(visionOnly, "fitting-service", Optional.of("vision-service")))
                .isEqualTo("identity-mismatch");
        assertThat(CallerServiceFilter.refusal(visionOnly, "vision-service", Optional.empty()))
                .isEqualTo("no-service-identity");
        // no names: any service, still proven twice
        assertThat(CallerServiceFilter.refusal(new String[0], "audit-service", Optional.of("audit-service"))).isNull();
        assertThat(CallerServiceFilter.refusal(new String[0], "ingest-service", Optional.of("audit-service")))
                .isEqualTo("identity-mismatch");
    }

    private static X509Certificate read(Path pem) throws Exception {
        try (InputStream in = Files.newInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }
}
