package dev.mensura.vision.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Every EXIF orientation, applied to the way a camera stored an upright scene, gives the scene back. */
class OrientationTest {
    // a 3x2 scene: 1 2 3 / 4 5 6
    private static final int[] UPRIGHT = {1, 2, 3, 4, 5, 6};

    @Test
    void eachOrientationUndoesWhatTheCameraStored() {
        assertThat(apply(stored(3, 2, UPRIGHT), 1)).containsExactly(UPRIGHT);
        assertThat(apply(stored(3, 2, new int[] {3, 2, 1, 6, 5, 4}), 2)).containsExactly(UPRIGHT);
        assertThat(apply(stored(3, 2, new int[] {6, 5, 4, 3, 2, 1}), 3)).containsExactly(UPRIGHT);
        assertThat(apply(stored(3, 2, new int[] {4, 5, 6, 1, 2, 3}), 4)).containsExactly(UPRIGHT);
        // 5–8 are stored transposed, 2 wide and 3 high; 6 is a phone held upright (stored turned 90° left)
        assertThat(apply(stored(2, 3, new int[] {1, 4, 2, 5, 3, 6}), 5)).containsExactly(UPRIGHT);
        assertThat(apply(stored(2, 3, new int[] {3, 6, 2, 5, 1, 4}), 6)).containsExactly(UPRIGHT);
        assertThat(apply(stored(2, 3, new int[] {6, 3, 5, 2, 4, 1}), 7)).containsExactly(UPRIGHT);
        assertThat(apply(stored(2, 3, new int[] {4, 1, 5, 2, 6, 3}), 8)).containsExactly(UPRIGHT);
    }

    @Test
    void theStoredPixelsAreWipedWhenCopied() {
        RgbImage stored = stored(2, 3, new int[] {4, 1, 5, 2, 6, 3});
        RgbImage upright = Orientation.upright(stored, 6);
        assertThat(upright.width()).isEqualTo(3);
        assertThat(stored.pixels()).containsOnly(0);
    }

    private static RgbImage stored(int w, int h, int[] pixels) {
        return new RgbImage(w, h, pixels.clone());
    }

    private static int[] apply(RgbImage stored, int orientation) {
        RgbImage upright = Orientation.upright(stored, orientation);
        assertThat(upright.width()).as("orientation " + orientation).isEqualTo(3);
        return Arrays.copyOf(upright.pixels(), upright.pixels().length);
    }
}
