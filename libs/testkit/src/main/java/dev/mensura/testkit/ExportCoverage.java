package dev.mensura.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mensura.privacykit.export.ExportCatalog;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;
import java.util.TreeSet;

/**
 * The check that keeps exports complete (Art. 15, 20): every table in a service's database is
 * either exported or carries a reason why not, and the catalog names no table that is gone.
 */
public final class ExportCoverage {
    /** Flyway's own bookkeeping, not data about anyone. */
    private static final String FLYWAY = "flyway_schema_history";

    private ExportCoverage() {
    }

    /** The tables of the {@code public} schema of {@code database} on the shared test PostgreSQL. */
    public static Set<String> tablesOf(String database) throws SQLException {
        Set<String> tables = new TreeSet<>();
        try (Connection c = EmbeddedPostgres.get().connect(database);
             ResultSet rs = c.createStatement().executeQuery("select table_name from information_schema.tables "
                     + "where table_schema = 'public' and table_type = 'BASE TABLE'")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        tables.remove(FLYWAY);
        return tables;
    }

    public static void assertEveryTableAccountedFor(String database, ExportCatalog catalog) throws SQLException {
        Set<String> tables = tablesOf(database);
        assertThat(tables).as("the migrations created no tables in " + database).isNotEmpty();
        Set<String> unaccounted = new TreeSet<>(tables);
        unaccounted.removeAll(catalog.tables());
        assertThat(unaccounted)
                .as("tables of %s with no export path: add them to its ExportCatalog (exported, or not and why)",
                        catalog.service())
                .isEmpty();
        Set<String> stale = new TreeSet<>(catalog.tables());
        stale.removeAll(tables);
        assertThat(stale).as("tables in %s's ExportCatalog that no longer exist", catalog.service()).isEmpty();
    }
}
