package dev.mensura.fitting.model;

import dev.mensura.fitting.body.BodyModel;
import dev.mensura.fitting.body.Macro;
import dev.mensura.fitting.body.Rig;
import dev.mensura.testkit.render.BodyModelDir;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** The average man of the hm08 model as the fit delivers a body: centimetres, soles at y = 0. */
final class Bodies {
    static final Path DIR = BodyModelDir.resolve();
    private static BodyModel model;
    private static Rig rig;
    private static double[] averageMan;

    private Bodies() {
    }

    static synchronized BodyModel model() throws IOException {
        if (model == null) {
            model = BodyModel.load(DIR);
        }
        return model;
    }

    static synchronized Rig rig() throws IOException {
        if (rig == null) {
            rig = Rig.read(DIR);
        }
        return rig;
    }

    static synchronized double[] averageMan() throws IOException {
        if (averageMan == null) {
            float[] dm = model().positions(Macro.average(1), Map.of());
            double sole = Double.MAX_VALUE;
            for (int v : model().base().bodyTriangles()) {
                sole = Math.min(sole, dm[3 * v + 1]);
            }
            averageMan = new double[dm.length];
            for (int i = 0; i < dm.length; i++) {
                averageMan[i] = dm[i] * BodyModel.CM_PER_UNIT - (i % 3 == 1 ? sole * BodyModel.CM_PER_UNIT : 0);
            }
        }
        return averageMan;
    }

    static Rig.Bone rigBone(String name) throws IOException {
        return rig().bones().get(rigIndex(name));
    }

    static int rigIndex(String name) throws IOException {
        for (int i = 0; i < rig().bones().size(); i++) {
            if (rig().bones().get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no bone " + name);
    }

    /** The body's height (top minus soles) over the triangles' vertices, in centimetres. */
    static double heightCm(double[] bodyCm, int[] triangles) {
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (int v : triangles) {
            min = Math.min(min, bodyCm[3 * v + 1]);
            max = Math.max(max, bodyCm[3 * v + 1]);
        }
        return max - min;
    }
}
