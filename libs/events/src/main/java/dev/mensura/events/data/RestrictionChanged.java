package dev.mensura.events.data;

/** Processing for the subject is restricted (stop it, queued work included) or allowed again. */
public record RestrictionChanged(String subjectPseudonym, boolean restricted) {
}
