package dev.mensura.fitting.results;

/** Where each sealed column belongs: a ciphertext copied anywhere else will not decrypt (I5). */
public final class Places {
    public static final String MEASUREMENTS = "fitting.fit_result.measurements";
    public static final String GLB = "fitting.fit_result.glb";
    public static final String OBJ = "fitting.fit_result.obj";

    private Places() {
    }
}
