package io.fleetdeck.views.thing;

import io.fleetdeck.api.things.ThingDetail;
import io.fleetdeck.views.common.RelativeNow;
import io.fleetdeck.views.common.Texts;
import io.fleetdeck.views.common.TimeText;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.value.ObservableValue;

/**
 * The thing's connection in relative time ("since 19:02:11 (12 s ago)", "last heard from 3 s ago"), written again
 * when a shown time is due to read differently. Owned by the JavaFX thread.
 */
final class ConnectivityTimes {

    private final RelativeNow relativeNow;
    private final ZoneId zone;
    private final ObservableValue<ThingDetail> detail;
    private final StringBinding sinceText;
    private final StringBinding lastSeenText;

    ConnectivityTimes(Clock clock, ObservableValue<ThingDetail> detail) {
        this.relativeNow = new RelativeNow(Objects.requireNonNull(clock, "clock"));
        this.zone = clock.getZone();
        this.detail = detail;
        sinceText = Bindings.createStringBinding(this::since, detail, relativeNow.nowProperty());
        lastSeenText = Bindings.createStringBinding(this::lastSeen, detail, relativeNow.nowProperty());
        detail.subscribe(thing -> {
            relativeNow.forgetShown();
            ThingDetail.Connectivity link = thing == null ? null : thing.connectivity();
            if (link != null) {
                relativeNow.shows(link.since());
                relativeNow.shows(link.lastSeen());
            }
        });
    }

    ZoneId zone() {
        return zone;
    }

    void tick() {
        relativeNow.tick();
    }

    Instant now() {
        return relativeNow.now();
    }

    ReadOnlyObjectProperty<Instant> nowProperty() {
        return relativeNow.nowProperty();
    }

    StringBinding sinceText() {
        return sinceText;
    }

    StringBinding lastSeenText() {
        return lastSeenText;
    }

    private String since() {
        ThingDetail thing = detail.getValue();
        ThingDetail.Connectivity link = thing == null ? null : thing.connectivity();
        if (link == null) {
            return "";
        }
        return Texts.get(
                link.connected() ? "thing.link.since" : "thing.link.disconnected",
                TimeText.exact(link.since(), zone),
                TimeText.ago(link.since(), now()));
    }

    /** Empty unless the broker heard from the thing after its connect: then the connect alone says too little. */
    private String lastSeen() {
        ThingDetail thing = detail.getValue();
        ThingDetail.Connectivity link = thing == null ? null : thing.connectivity();
        if (link == null || !link.lastSeen().isAfter(link.since())) {
            return "";
        }
        return Texts.get("thing.link.lastHeard", TimeText.ago(link.lastSeen(), now()));
    }
}
