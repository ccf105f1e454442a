package dev.mensura.vision.pose;

import dev.mensura.vision.detection.Detection;
import dev.mensura.vision.image.Roi;
import java.util.List;

/**
 * What BlazePose saw in one photo.
 *
 * @param people person detections above the threshold after suppression, best first
 * @param roi the region the landmark model looked at, in photo pixels
 * @param presence the landmark model's pose-presence probability
 * @param landmarks 33 landmarks in the photo (normalised)
 * @param world 33 world landmarks, metres, origin between the hips, {x, y, z} each
 */
public record PoseEstimate(int imageWidth, int imageHeight, List<Detection> people, Roi roi, float presence,
                           List<Landmark> landmarks, float[][] world, SilhouetteMask mask) {

    public Landmark landmark(int index) {
        return landmarks.get(index);
    }
}
