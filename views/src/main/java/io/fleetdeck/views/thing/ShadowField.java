package io.fleetdeck.views.thing;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One key of a shadow's state, desired and reported side by side: a leaf carries its values as JSON text with the
 * time each side was last written (the shadow's metadata, AWS-IOT-BEHAVIOUR §1.5); an object carries its keys as
 * children. Immutable.
 *
 * @param path the keys from the top of the state, dot-separated: {@code config.led.colour}
 * @param desired the desired value as JSON, null when desired has no such key or it is an object (see children)
 * @param reported the reported value as JSON, null likewise
 * @param pending whether the delta holds this key, i.e. desired differs from reported and the device has yet to act
 *     (§1.6); on an object, whether any key below it is pending
 */
public record ShadowField(
        String key,
        String path,
        @Nullable String desired,
        @Nullable Instant desiredAt,
        @Nullable String reported,
        @Nullable Instant reportedAt,
        boolean pending,
        List<ShadowField> children) {

    public ShadowField {
        children = List.copyOf(children);
    }

    public boolean isLeaf() {
        return children.isEmpty();
    }

    /** How many leaves below (or at) this field are pending. */
    public int pendingLeaves() {
        if (isLeaf()) {
            return pending ? 1 : 0;
        }
        int count = 0;
        for (ShadowField child : children) {
            count += child.pendingLeaves();
        }
        return count;
    }
}
