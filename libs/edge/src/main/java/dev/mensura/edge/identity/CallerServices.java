package dev.mensura.edge.identity;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An internal endpoint that answers only the services named here (or, when none are named, any
 * Mensura service), proven by the client certificate it presented ({@link ServiceIdentity});
 * without TLS, by the subject of its service token. Checked by {@link CallerServiceFilter}; the
 * role {@code service} is still checked by {@code @RolesAllowed}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface CallerServices {
    String[] value() default {};
}
