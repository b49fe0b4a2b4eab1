package io.fleetdeck.views.thing;

import io.fleetdeck.views.common.Notice;
import io.fleetdeck.views.common.Texts;
import java.util.Map;
import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import org.jspecify.annotations.Nullable;

/**
 * The "Sent" notice of the last desired change: it counts the fields that still wait as later versions of the shadow
 * come in, and goes once the device reported them all or another change superseded them. A notice shown since is
 * left alone. Owned by the JavaFX thread.
 */
final class SentNotice {

    private final ObjectProperty<Notice> notice;
    /** What the last send left waiting, while its notice shows; null otherwise. */
    private @Nullable SentDesired sent;

    private @Nullable Notice shown;

    SentNotice(ObjectProperty<Notice> notice) {
        this.notice = Objects.requireNonNull(notice, "notice");
    }

    void show(SentDesired waiting) {
        Notice text = Notice.success(Texts.get(
                "thing.notice.sent", waiting.version(), waiting.waiting().size()));
        sent = waiting.waiting().isEmpty() ? null : waiting;
        shown = text;
        notice.set(text);
    }

    /** A newer read of {@code shadowName}: the notice follows what still waits. */
    void follow(String shadowName, ShadowTree state) {
        SentDesired waiting = sent;
        if (waiting == null || notice.get() != shown) {
            sent = null;
            return;
        }
        if (!waiting.shadowName().equals(shadowName) || state.version() <= waiting.version()) {
            return;
        }
        Map<String, String> still = waiting.stillWaitingIn(state);
        if (still.isEmpty()) {
            sent = null;
            notice.set(null);
        } else if (still.size() < waiting.waiting().size()) {
            show(new SentDesired(shadowName, state.version(), still));
        }
    }
}
