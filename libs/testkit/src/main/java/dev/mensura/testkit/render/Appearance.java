package dev.mensura.testkit.render;

import java.awt.Color;

/**
 * Surface colours of one figure. The eyes are always drawn dark (iris and pupil fill most of the
 * lid opening) because the pose detector we test against is face-anchored and keys on them.
 */
public record Appearance(Color skin, Color hair, Color shorts) {

    /** A medium skin tone, dark brown hair, navy shorts. */
    public static final Appearance DEFAULT = new Appearance(new Color(214, 160, 128), new Color(52, 36, 28),
            new Color(38, 48, 86));
}
