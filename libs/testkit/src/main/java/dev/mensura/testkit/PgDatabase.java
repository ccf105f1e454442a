package dev.mensura.testkit;

/**
 * One database on the test/dev PostgreSQL server.
 *
 * @param name        database name
 * @param jdbcUrl     {@code jdbc:postgresql://host:port/name}
 * @param reactiveUrl {@code postgresql://host:port/name}, the form {@code quarkus.datasource.reactive.url} takes
 * @param username    role to log in with (a superuser of the test server)
 * @param password    its password (the embedded server trusts local connections; any value works)
 */
public record PgDatabase(String name, String jdbcUrl, String reactiveUrl, String username, String password) {

    @Override
    public String toString() {
        return "PgDatabase[" + jdbcUrl + ", user=" + username + "]";
    }
}
