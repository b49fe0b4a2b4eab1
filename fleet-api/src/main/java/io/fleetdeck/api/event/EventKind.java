package io.fleetdeck.api.event;

/** What an event is about: a subscriber names the kinds it wants and hears of no others. */
public enum EventKind {
    THING_CREATED,
    THING_UPDATED,
    THING_DELETED,
    THING_TYPE_CHANGED,
    GROUP_CHANGED,
    HIERARCHY_CHANGED,
    MEMBERSHIP_CHANGED,
    SHADOW_COMMITTED,
    CONNECTIVITY_CHANGED,
    /** The broker heard from a thing: its last seen moved on (a few seconds late at most, coalesced). */
    THING_SEEN,
    CERTIFICATE_CHANGED,
    THING_INDEXED,
    INDEX_REBUILT,
    /** An image entered the firmware catalog. */
    FIRMWARE_IMPORTED,
    /** A catalog image became a hardware target's known-safe version, or was deleted. */
    FIRMWARE_CHANGED,
    JOB_CHANGED,
    JOB_EXECUTION_CHANGED,
    /** Delivered to a coalescing subscriber whose queue overflowed; it always reaches the subscriber. */
    EVENTS_LOST
}
