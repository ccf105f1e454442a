package dev.mensura.k8s;

import java.util.List;

/** One rule a rendered deployment must keep; it lists every way a set breaks it (empty: kept). */
interface Policy {
    List<String> violations(RenderedSet set);
}
