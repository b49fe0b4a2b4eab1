package io.fleetdeck.api.event;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A committed change of the fleet. Events about one thing reach each subscriber in the order their source committed
 * them (the shadow committer, the registry, the broker's lifecycle events are each one ordered source).
 */
public sealed interface FleetEvent {

    EventKind kind();

    /** The thing, group, thing type or certificate the event is about: events with one subject keep their order. */
    String subject();

    /**
     * Which earlier event this one makes redundant for a subscriber that only needs the latest state: by default the
     * same kind about the same subject.
     */
    default String coalescingKey() {
        return kind().name() + '\u0000' + subject();
    }

    record ThingCreated(String thing) implements FleetEvent {
        @Override
        public EventKind kind() {
            return EventKind.THING_CREATED;
        }

        @Override
        public String subject() {
            return thing;
        }
    }

    /** Attributes, thing type or version of a thing changed. */
    record ThingUpdated(String thing) implements FleetEvent {
        @Override
        public EventKind kind() {
            return EventKind.THING_UPDATED;
        }

        @Override
        public String subject() {
            return thing;
        }
    }

    record ThingDeleted(String thing) implements FleetEvent {
        @Override
        public EventKind kind() {
            return EventKind.THING_DELETED;
        }

        @Override
        public String subject() {
            return thing;
        }
    }

    record ThingTypeChanged(String thingType, Change change) implements FleetEvent {
        @Override
        public EventKind kind() {
            return EventKind.THING_TYPE_CHANGED;
        }

        @Override
        public String subject() {
            return thingType;
        }
    }

    /**
     * A thing group (static or dynamic) created, updated (attributes, parent, query or status), deleted, or renamed to
     * {@code newName} (only then not null).
     */
    record GroupChanged(
            String group, Change change, @Nullable String newName) implements FleetEvent {
        public GroupChanged(String group, Change change) {
            this(group, change, null);
        }

        @Override
        public EventKind kind() {
            return EventKind.GROUP_CHANGED;
        }

        @Override
        public String subject() {
            return group;
        }
    }

    /** {@code child} became ({@code added}) or stopped being a child group of {@code parent}. */
    record HierarchyChanged(String parent, String child, boolean added) implements FleetEvent {
        @Override
        public EventKind kind() {
            return EventKind.HIERARCHY_CHANGED;
        }

        @Override
        public String subject() {
            return child;
        }
    }

    /**
     * {@code thing} entered ({@code added}) or left {@code group}; {@code dynamic} when the group's query decided it,
     * not an operator.
     */
    record MembershipChanged(String group, String thing, boolean added, boolean dynamic) implements FleetEvent {
        @Override
        public EventKind kind() {
            return EventKind.MEMBERSHIP_CHANGED;
        }

        @Override
        public String subject() {
            return thing;
        }

        @Override
        public String coalescingKey() {
            return kind().name() + '\u0000' + thing + '\u0000' + group;
        }
    }

    /**
     * A shadow of {@code thing} committed at {@code version} ({@code shadow} "" is the classic shadow); {@code state}
     * is what it holds now, null when the shadow was deleted.
     */
    record ShadowCommitted(
            String thing,
            String shadow,
            long version,
            @Nullable ShadowSnapshot state) implements FleetEvent {
        @Override
        public EventKind kind() {
            return EventKind.SHADOW_COMMITTED;
        }

        @Override
        public String subject() {
            return thing;
        }

        @Override
        public String coalescingKey() {
            return kind().name() + '\u0000' + thing + '\u0000' + shadow;
        }
    }

    /** The broker saw {@code thing} (its client id) connect or disconnect at {@code at}; a reason only on disconnect. */
    record ConnectivityChanged(
            String thing,
            boolean connected,
            Instant at,
            @Nullable String disconnectReason) implements FleetEvent {
        @Override
        public EventKind kind() {
            return EventKind.CONNECTIVITY_CHANGED;
        }

        @Override
        public String subject() {
            return thing;
        }
    }

    /**
     * The broker last heard from {@code thing} (its client id: a connect or a message) at {@code at}. Coalesced at the
     * source: one event per thing every few seconds at most, however often the device publishes.
     */
    record ThingSeen(String thing, Instant at) implements FleetEvent {
        @Override
        public EventKind kind() {
            return EventKind.THING_SEEN;
        }

        @Override
        public String subject() {
            return thing;
        }
    }

    /** A device certificate was registered, changed status ({@code ACTIVE}, {@code INACTIVE}, {@code REVOKED}) or deleted. */
    record CertificateChanged(String certificateId, Change change, String status) implements FleetEvent {
        @Override
        public EventKind kind() {
            return EventKind.CERTIFICATE_CHANGED;
        }

        @Override
        public String subject() {
            return certificateId;
        }
    }

    /** The fleet index wrote {@code thing} again (or removed it): searches see it as committed now. */
    record ThingIndexed(String thing) implements FleetEvent {
        @Override
        public EventKind kind() {
            return EventKind.THING_INDEXED;
        }

        @Override
        public String subject() {
            return thing;
        }
    }

    /** The fleet index wrote every thing again: whatever a subscriber shows may have changed. */
    record IndexRebuilt(long things) implements FleetEvent {
        @Override
        public EventKind kind() {
            return EventKind.INDEX_REBUILT;
        }

        @Override
        public String subject() {
            return "";
        }
    }

    /** An image entered the firmware catalog, as {@code version} for {@code targets}; its id is its SHA-256. */
    record FirmwareImported(String imageId, String version, List<String> targets) implements FleetEvent {
        public FirmwareImported {
            targets = List.copyOf(targets);
        }

        @Override
        public EventKind kind() {
            return EventKind.FIRMWARE_IMPORTED;
        }

        @Override
        public String subject() {
            return imageId;
        }
    }

    /**
     * A catalog image changed: it became the known-safe version of {@code target} ({@link Change#UPDATED}), or it was
     * deleted ({@link Change#DELETED}, {@code target} empty).
     */
    record FirmwareChanged(String imageId, String version, Change change, String target) implements FleetEvent {
        @Override
        public EventKind kind() {
            return EventKind.FIRMWARE_CHANGED;
        }

        @Override
        public String subject() {
            return imageId;
        }
    }

    /** A job was created, or its state changed (IN_PROGRESS, COMPLETED, CANCELED: AWS-IOT-BEHAVIOUR §2.7.6). */
    record JobChanged(String jobId, String status) implements FleetEvent {
        @Override
        public EventKind kind() {
            return EventKind.JOB_CHANGED;
        }

        @Override
        public String subject() {
            return jobId;
        }
    }

    /**
     * A job's execution on a thing was queued or moved on (AWS-IOT-BEHAVIOUR §2.5): its status and version as
     * committed. Its subject is the thing, so one thing's executions keep their order.
     */
    record JobExecutionChanged(String jobId, String thing, long executionNumber, String status, long versionNumber)
            implements FleetEvent {
        @Override
        public EventKind kind() {
            return EventKind.JOB_EXECUTION_CHANGED;
        }

        @Override
        public String subject() {
            return thing;
        }

        @Override
        public String coalescingKey() {
            return kind().name() + '\u0000' + thing + '\u0000' + jobId + '\u0000' + executionNumber;
        }
    }

    /**
     * A coalescing subscriber fell so far behind that {@code count} events were dropped: it must read again whatever
     * it shows, as after {@link IndexRebuilt}.
     */
    record EventsLost(long count) implements FleetEvent {
        @Override
        public EventKind kind() {
            return EventKind.EVENTS_LOST;
        }

        @Override
        public String subject() {
            return "";
        }
    }
}
