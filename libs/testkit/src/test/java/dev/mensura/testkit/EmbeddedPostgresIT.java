package dev.mensura.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@MensuraInfra(database = "testkit", kafka = false)
class EmbeddedPostgresIT {

    @Test
    void answersSelectVersion(EmbeddedPostgres pg) throws Exception {
        try (Connection c = pg.connect("postgres"); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select version()")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).startsWith("PostgreSQL 14");
        }
    }

    @Test
    void createDatabaseIsIdempotent(EmbeddedPostgres pg, PgDatabase injected) throws Exception {
        assertThat(injected.name()).isEqualTo("mensura_testkit");
        PgDatabase first = pg.createDatabase("testkit_idem");
        PgDatabase second = pg.createDatabase("testkit_idem");
        assertThat(second).isEqualTo(first);
        assertThat(first.jdbcUrl()).isEqualTo("jdbc:postgresql://" + pg.host() + ":" + pg.port() + "/testkit_idem");
        assertThat(first.reactiveUrl()).isEqualTo("postgresql://" + pg.host() + ":" + pg.port() + "/testkit_idem");
        try (Connection c = pg.connect("postgres"); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select count(*) from pg_database where datname = 'testkit_idem'")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
        }
        try (Connection c = pg.connect("testkit_idem"); Statement st = c.createStatement()) {
            st.execute("create table if not exists t(id int primary key)");
            st.execute("insert into t values (1) on conflict do nothing");
        }
        assertThat(Infra.postgres()).isSameAs(pg);
    }

    @Test
    void dataDirectoryHoldsWhatIsStored(EmbeddedPostgres pg) throws Exception {
        Path dir = pg.dataDirectory();
        assertThat(dir.resolve("PG_VERSION")).hasContent("14");
        String canary = "canary-" + UUID.randomUUID();
        try (Connection c = pg.connect("mensura_testkit"); Statement st = c.createStatement()) {
            st.execute("create table if not exists canary(v text)");
            st.execute("insert into canary values ('" + canary + "')");
            st.execute("checkpoint");
        }
        assertThat(CanaryScan.filesContaining(dir, canary)).isNotEmpty();
        assertThat(CanaryScan.filesContaining(dir, "canary-never-written-" + UUID.randomUUID())).isEmpty();
    }

    @Test
    void rejectsUnsafeNames(EmbeddedPostgres pg) {
        assertThatThrownBy(() -> pg.createDatabase("x\"; drop database postgres; --"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
