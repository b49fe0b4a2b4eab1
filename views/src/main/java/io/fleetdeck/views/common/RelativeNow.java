package io.fleetdeck.views.common;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.jspecify.annotations.Nullable;

/**
 * The "now" a view's relative times ({@code 12 s ago}, {@code 4 min ago}) are written against, one per view: its view
 * calls {@link #tick} every second from one timeline, and now moves every second while the youngest time shown is
 * under a minute old (its seconds count), every 30 s beyond (minutes and hours do not need more). Texts bound to
 * {@link #nowProperty} are written again when it moves, so no cell keeps a timer of its own. Owned by the JavaFX thread.
 */
public final class RelativeNow {

    private static final Duration SECONDS_SHOWN = Duration.ofMinutes(1);
    private static final Duration COARSE_STEP = Duration.ofSeconds(30);

    private final Clock clock;
    private final ReadOnlyObjectWrapper<Instant> now;
    private @Nullable Instant youngestShown;

    public RelativeNow(Clock clock) {
        this.clock = clock;
        this.now = new ReadOnlyObjectWrapper<>(this, "now", clock.instant());
    }

    /** A time the view shows relative to now; the youngest decides how often now moves. */
    public void shows(@Nullable Instant instant) {
        Instant youngest = youngestShown;
        if (instant != null && (youngest == null || instant.isAfter(youngest))) {
            youngestShown = instant;
        }
    }

    /** The view shows other times now (a new list): forget the ones before. */
    public void forgetShown() {
        youngestShown = null;
    }

    /** Moves now on when it is due; the view's timeline calls it every second. */
    public void tick() {
        Instant current = clock.instant();
        Instant youngest = youngestShown;
        boolean secondsShown =
                youngest != null && Duration.between(youngest, current).compareTo(SECONDS_SHOWN) < 0;
        if (secondsShown || !current.isBefore(now.get().plus(COARSE_STEP))) {
            now.set(current);
        }
    }

    /** Now as the view's relative times last read it. */
    public Instant now() {
        return now.get();
    }

    public ReadOnlyObjectProperty<Instant> nowProperty() {
        return now.getReadOnlyProperty();
    }
}
