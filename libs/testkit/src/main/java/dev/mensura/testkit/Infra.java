package dev.mensura.testkit;

/** Static access to this JVM's infrastructure, for plain JUnit tests; each is started on first use. */
public final class Infra {

    private Infra() {
    }

    /** The PostgreSQL 14 server (embedded, or a container when Docker answers). */
    public static EmbeddedPostgres postgres() {
        return EmbeddedPostgres.get();
    }

    /** The Kafka broker (KRaft, child JVM, or a container when Docker answers). */
    public static KafkaBroker kafka() {
        return KafkaBroker.get();
    }

    /** JWT signing/verification keys and the pseudonym keyset. */
    public static DevKeys keys() {
        return DevKeys.get();
    }
}
