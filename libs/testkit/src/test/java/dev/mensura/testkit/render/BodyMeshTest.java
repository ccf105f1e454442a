package dev.mensura.testkit.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BodyMeshTest {

    private final BodyMesh mesh = BodyMesh.load();

    @Test
    void loadsTheHm08BaseMeshOnce() {
        assertThat(BodyMesh.load()).isSameAs(mesh);
        assertThat(mesh.vertexCount()).isGreaterThan(13_380);
        assertThat(mesh.bodyTriangles().length % 3).isZero();
        assertThat(mesh.bodyTriangles().length / 3).isGreaterThan(20_000);
        // MakeHuman's default body is about 1.67 m: 16.7 mesh units (decimetres).
        assertThat(mesh.statureDm()).isBetween(15.0, 18.0);
        assertThat(mesh.jointNames()).contains(Joints.HEAD, Joints.NECK, Joints.L_SHOULDER, Joints.R_SHOULDER,
                Joints.L_ELBOW, Joints.L_WRIST, Joints.L_HIP, Joints.L_KNEE, Joints.L_ANKLE, Joints.L_FOOT,
                Joints.L_EYE, Joints.R_EYE, Joints.PELVIS);
    }

    @Test
    void restPoseHoldsTheArmsAngledDownAwayFromTheBody() {
        for (String[] arm : new String[][] {{Joints.L_SHOULDER, Joints.L_ELBOW}, {Joints.R_SHOULDER, Joints.R_ELBOW}}) {
            double[] s = mesh.joints().get(arm[0]);
            double[] e = mesh.joints().get(arm[1]);
            double fromVertical = Math.toDegrees(Math.atan2(Math.abs(e[0] - s[0]), s[1] - e[1]));
            assertThat(fromVertical).as(arm[1]).isBetween(30.0, 60.0);
        }
        // Left is +x, the face looks along +z.
        assertThat(mesh.joints().get(Joints.L_SHOULDER)[0]).isPositive();
        assertThat(mesh.joints().get(Joints.L_EYE)[2]).isGreaterThan(mesh.joints().get(Joints.HEAD)[2]);
    }

    @Test
    void armsDownTurnsEachArmRigidlyAboutItsShoulder() {
        PosedBody rest = mesh.pose(Pose.A_POSE);
        PosedBody down = mesh.pose(Pose.ARMS_DOWN);
        for (String side : new String[] {"l", "r"}) {
            String shoulder = "joint-" + side + "-shoulder";
            String elbow = "joint-" + side + "-elbow";
            String wrist = "joint-" + side + "-hand";
            assertThat(down.joint(shoulder)).containsExactly(rest.joint(shoulder), within(1e-9));
            assertThat(dist(down.joint(shoulder), down.joint(elbow)))
                    .isCloseTo(dist(rest.joint(shoulder), rest.joint(elbow)), within(1e-6));
            double[] s = down.joint(shoulder);
            double[] w = down.joint(wrist);
            double fromVertical = Math.toDegrees(Math.atan2(Math.abs(w[0] - s[0]), s[1] - w[1]));
            assertThat(fromVertical).as(wrist).isCloseTo(Posing.ARMS_DOWN_ABDUCTION_DEG, within(0.5));
            assertThat(Math.abs(w[0])).as(wrist + " outside the body's midline side").isGreaterThan(Math.abs(s[0]));
        }
        assertThat(down.joint(Joints.L_KNEE)).containsExactly(rest.joint(Joints.L_KNEE), within(1e-9));
    }

    @Test
    void modelDirIsFoundByWalkingUpAndExplainsWhenMissing(@TempDir Path elsewhere) {
        Path found = BodyModelDir.resolveFrom(Path.of("").toAbsolutePath());
        assertThat(found.resolve("3dobjs/base.obj")).isRegularFile();
        assertThatThrownBy(() -> BodyModelDir.resolveFrom(elsewhere))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(BodyModelDir.PROPERTY)
                .hasMessageContaining("shared/bodymodel/mpfb2");
    }

    private static double dist(double[] a, double[] b) {
        return Math.sqrt(Math.pow(a[0] - b[0], 2) + Math.pow(a[1] - b[1], 2) + Math.pow(a[2] - b[2], 2));
    }
}
