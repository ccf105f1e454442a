package dev.mensura.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * For plain JUnit 5 tests: starts what the test class needs before its first test and injects
 * {@link EmbeddedPostgres}, {@link KafkaBroker}, {@link DevKeys} and — when {@link #database()}
 * is set — the {@link PgDatabase} into test and lifecycle method parameters.
 *
 * <pre>{@code
 * @MensuraInfra(database = "audit", topics = "audit.events")
 * class AuditRepositoryIT {
 *     @Test void stores(PgDatabase db, KafkaBroker kafka) { ... }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(MensuraInfraExtension.class)
public @interface MensuraInfra {

    /** Database to create, {@code mensura_} prefixed as in {@link MensuraInfraResource}; empty: none. */
    String database() default "";

    /** Topics to create. */
    String[] topics() default {};

    /** Start PostgreSQL even without a database. */
    boolean postgres() default false;

    /** Start the Kafka broker (also when no topics are named). */
    boolean kafka() default true;
}
