package dev.mensura.silhouette;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Outlines of shapes whose outline is known. */
class OutlineTest {

    @Test
    void aRectangleIsTracedAroundItsBorderCellsClockwise() {
        int w = 40;
        int h = 30;
        boolean[] cells = new boolean[w * h];
        for (int y = 5; y < 25; y++) {
            for (int x = 10; x < 30; x++) {
                cells[y * w + x] = true;
            }
        }
        float[] outline = Outline.trace(cells, w, h, 76);
        assertThat(outline).hasSize(152);
        for (int i = 0; i < outline.length; i += 2) {
            double x = outline[i] * w - 0.5;
            double y = outline[i + 1] * h - 0.5;
            // every point lies on the border of the block (cell centres 10..29, 5..24)
            boolean onBorder = Math.abs(x - 10) < 1e-4 || Math.abs(x - 29) < 1e-4 || Math.abs(y - 5) < 1e-4
                    || Math.abs(y - 24) < 1e-4;
            assertThat(onBorder).as("point %d at %.2f, %.2f", i / 2, x, y).isTrue();
        }
        // clockwise on screen (y down): the shoelace sum is positive
        double area = 0;
        for (int i = 0; i < outline.length / 2; i++) {
            int j = (i + 1) % (outline.length / 2);
            area += outline[2 * i] * outline[2 * j + 1] - outline[2 * j] * outline[2 * i + 1];
        }
        assertThat(area).isPositive();
    }

    @Test
    void aRowCrossesARingTwiceOnEachSide() {
        int n = 200;
        boolean[] cells = new boolean[n * n];
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                double r = Math.hypot(x + 0.5 - 100, y + 0.5 - 100);
                cells[y * n + x] = r < 80;
            }
        }
        float[] disc = Outline.trace(cells, n, n, 256);
        double[] across = Outline.crossings(disc, 0.5);
        assertThat(across).hasSize(2);
        assertThat(across[1] - across[0]).isCloseTo(0.8, within(0.02));
    }

    @Test
    void strayBlobsAreLeftOutAndAnEmptyMaskHasNoOutline() {
        int w = 50;
        boolean[] cells = new boolean[w * w];
        cells[0] = true; // a one-cell speck
        for (int y = 20; y < 40; y++) {
            for (int x = 20; x < 40; x++) {
                cells[y * w + x] = true;
            }
        }
        float[] outline = Outline.trace(cells, w, w, 64);
        for (int i = 0; i < outline.length; i += 2) {
            assertThat(outline[i] * w).isGreaterThan(19);
        }
        assertThat(Outline.trace(new boolean[w * w], w, w, 64)).isEmpty();
    }
}
