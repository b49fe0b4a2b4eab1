package io.fleetdeck.firmware;

import java.util.Optional;

/**
 * Who still uses an image: the jobs service answers it once jobs exist (a job whose document points at the image, not
 * yet finished or deleted). Until then {@link #NONE} answers "unused" for every image.
 */
@FunctionalInterface
public interface ImageUse {

    /** Nobody uses any image: no jobs service runs yet. */
    ImageUse NONE = imageId -> Optional.empty();

    /** What uses the image {@code imageId} (its SHA-256), e.g. {@code job ota-42}, or empty when nothing does. */
    Optional<String> usedBy(String imageId);
}
