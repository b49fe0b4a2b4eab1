package io.fleetdeck.views.thing;

import io.fleetdeck.api.error.FleetApiException;
import io.fleetdeck.api.things.ThingChange;
import io.fleetdeck.api.things.ThingDetail;
import io.fleetdeck.api.things.ThingService;
import io.fleetdeck.views.common.Notice;
import io.fleetdeck.views.common.Refusals;
import io.fleetdeck.views.common.Texts;
import io.fleetdeck.views.common.ViewTasks;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Changes to a thing's registry attributes, one at a time, through UpdateThing: merged into the thing's attributes
 * (an empty value removes one, as AWS does) and only while the thing is still at the version the tab read, so an
 * entry changed meanwhile is refused rather than overwritten; the refusal is shown in the registry's words and the
 * thing is read again. Owned by the JavaFX thread; the update runs on the background executor.
 */
final class ThingAttributeEdits {

    private static final Logger log = LoggerFactory.getLogger(ThingAttributeEdits.class);

    private final ThingService things;
    private final Executor background;
    private final Executor fxThread;
    private final Consumer<Notice> notice;
    private final Runnable reload;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();

    /** {@code notice} shows how it went; {@code reload} reads the thing again afterwards. */
    ThingAttributeEdits(ThingService things, ViewTasks tasks, Consumer<Notice> notice, Runnable reload) {
        this.things = Objects.requireNonNull(things, "things");
        this.background = tasks.background();
        this.fxThread = tasks.fxThread();
        this.notice = Objects.requireNonNull(notice, "notice");
        this.reload = Objects.requireNonNull(reload, "reload");
    }

    /** {@code name} takes {@code value}; an empty value removes the attribute. */
    void set(ThingDetail thing, String name, String value) {
        String wanted = value == null ? "" : value.strip();
        if (wanted.equals(thing.attributes().get(name))) {
            return;
        }
        update(
                thing,
                name,
                wanted,
                wanted.isEmpty()
                        ? Texts.get("thing.attribute.removed", name)
                        : Texts.get("thing.attribute.set", name, wanted));
    }

    /** A new attribute: it needs a name and a value, and a name the thing does not have yet. */
    void add(ThingDetail thing, String name, String value) {
        String key = name == null ? "" : name.strip();
        String wanted = value == null ? "" : value.strip();
        String refusal = key.isEmpty()
                ? Texts.get("thing.attribute.withoutName", wanted)
                : thing.attributes().containsKey(key)
                        ? Texts.get("thing.attribute.exists", key)
                        : wanted.isEmpty() ? Texts.get("thing.attribute.withoutValue", key) : null;
        if (refusal != null) {
            notice.accept(Notice.error(refusal));
            return;
        }
        update(thing, key, wanted, Texts.get("thing.attribute.added", key, wanted));
    }

    void remove(ThingDetail thing, String name) {
        update(thing, name, "", Texts.get("thing.attribute.removed", name));
    }

    /** True while an update is on its way. */
    ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    private void update(ThingDetail thing, String name, String value, String success) {
        if (busy.get()) {
            return;
        }
        busy.set(true);
        ThingChange change = new ThingChange(thing.name(), Map.of(name, value), true, thing.version());
        background.execute(() -> {
            @Nullable String failure = null;
            try {
                things.updateThing(change);
            } catch (FleetApiException e) {
                failure = Refusals.text(e);
            } catch (RuntimeException e) {
                log.warn("Changing attribute {} of {} failed", name, thing.name(), e);
                failure = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            }
            String problem = failure;
            fxThread.execute(() -> {
                // the outcome first: whoever follows busy reads it
                notice.accept(
                        problem == null
                                ? Notice.success(success)
                                : Notice.error(Texts.get("thing.attribute.failed", name, problem)));
                busy.set(false);
                reload.run();
            });
        });
    }
}
