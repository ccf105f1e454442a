package dev.mensura.privacy.dsr;

import io.smallrye.mutiny.Uni;

/** A kind of data-subject request that asks other services over Kafka until each has answered. */
public interface DsrSaga {

    /** The {@link DsrRequest#type} this saga runs. */
    String type();

    /** Publishes the request (again) to every service that has not answered yet. */
    Uni<Void> ask(DsrRequest request);
}
