package dev.mensura.testkit;

import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * JUnit 5 extension for non-Quarkus tests; use {@link MensuraInfra} (or
 * {@code @ExtendWith(MensuraInfraExtension.class)}, which then starts servers lazily when a
 * parameter asks for them). Resolves parameters of type {@link EmbeddedPostgres},
 * {@link KafkaBroker}, {@link DevKeys} and {@link PgDatabase}.
 */
public class MensuraInfraExtension implements BeforeAllCallback, ParameterResolver {

    @Override
    public void beforeAll(ExtensionContext context) {
        Optional<MensuraInfra> a = annotation(context);
        if (a.isEmpty()) {
            return;
        }
        MensuraInfra infra = a.get();
        if (!infra.database().isBlank()) {
            EmbeddedPostgres.get().createDatabase(MensuraInfraResource.databaseName(infra.database().trim()));
        } else if (infra.postgres()) {
            EmbeddedPostgres.get();
        }
        if (infra.kafka() || infra.topics().length > 0) {
            KafkaBroker.get().createTopics(Arrays.asList(infra.topics()));
        }
        DevKeys.get();
    }

    @Override
    public boolean supportsParameter(ParameterContext pc, ExtensionContext ec) {
        Class<?> t = pc.getParameter().getType();
        return t == EmbeddedPostgres.class || t == KafkaBroker.class || t == DevKeys.class
                || (t == PgDatabase.class && annotation(ec).map(a -> !a.database().isBlank()).orElse(false));
    }

    @Override
    public Object resolveParameter(ParameterContext pc, ExtensionContext ec) {
        Class<?> t = pc.getParameter().getType();
        if (t == EmbeddedPostgres.class) {
            return EmbeddedPostgres.get();
        }
        if (t == KafkaBroker.class) {
            return KafkaBroker.get();
        }
        if (t == DevKeys.class) {
            return DevKeys.get();
        }
        if (t == PgDatabase.class) {
            String db = annotation(ec).map(MensuraInfra::database).orElseThrow();
            return EmbeddedPostgres.get().createDatabase(MensuraInfraResource.databaseName(db.trim()));
        }
        throw new ParameterResolutionException("unsupported parameter " + pc.getParameter());
    }

    private static Optional<MensuraInfra> annotation(ExtensionContext context) {
        return context.getTestClass().flatMap(c -> AnnotationSupport.findAnnotation(c, MensuraInfra.class));
    }
}
