package dev.mensura.vision.pose;

/**
 * One of BlazePose's 33 landmarks in the photo: x, y normalised to the image width and height,
 * z on the scale of x (relative depth, the hips' midpoint near 0), visibility and presence as
 * probabilities.
 */
public record Landmark(float x, float y, float z, float visibility, float presence) {
}
