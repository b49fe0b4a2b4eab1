package io.fleetdeck.fleet.shadow;

/** A shadow of a thing ("" is the classic shadow), or with a version one entry of its history. */
record ShadowKey(String thing, String shadow, long version) {

    ShadowKey(String thing, String shadow) {
        this(thing, shadow, 0);
    }
}
