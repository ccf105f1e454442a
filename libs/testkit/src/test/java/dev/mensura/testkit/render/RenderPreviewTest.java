package dev.mensura.testkit.render;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Writes sample photos for a person to look at; runs only when asked:
 * {@code ./mvnw -o -pl libs/testkit test -Dtest=RenderPreviewTest -Dmensura.render.preview=/tmp/render-preview}.
 */
@EnabledIfSystemProperty(named = "mensura.render.preview", matches = ".+")
class RenderPreviewTest {

    @Test
    void writePreviews() {
        Path dir = Path.of(System.getProperty("mensura.render.preview"));
        long seed = Long.getLong("mensura.render.seed", 1);
        Scene.front(seed).writePng(dir.resolve("front.png"));
        Scene.side(seed).writePng(dir.resolve("side.png"));
        Scene.armsDown(seed).writePng(dir.resolve("armsDown.png"));
        Scene.twoBodies(seed).writePng(dir.resolve("twoBodies.png"));
        Scene.croppedFeet(seed).writePng(dir.resolve("croppedFeet.png"));
        Scene.dark(seed).writePng(dir.resolve("dark.png"));
        Scene.blurred(seed).writePng(dir.resolve("blurred.png"));
        System.out.println("RenderPreviewTest: wrote previews to " + dir.toAbsolutePath());
    }
}
