package io.fleetdeck.views.common;

import java.util.concurrent.atomic.AtomicBoolean;
import javafx.event.Event;
import javafx.event.EventType;

/**
 * Ctrl+F, sent by the window to the section on show: a section with a search or a filter puts the keyboard there
 * and consumes the request; the window goes to the Fleet's query bar when no one does. An event rather than a key
 * handler because the window, not the focused node, owns the shortcut: it must work whatever has the focus, even a
 * tab header or nothing at all.
 */
public final class FindRequest extends Event {

    public static final EventType<FindRequest> FIND = new EventType<>(Event.ANY, "FIND_REQUEST");

    /** Shared by the copies JavaFX makes of the event on its way, so the window learns that someone took it. */
    private final AtomicBoolean taken = new AtomicBoolean();

    public FindRequest() {
        super(FIND);
    }

    /** The handler has put the keyboard in its search. */
    public void take() {
        taken.set(true);
        consume();
    }

    public boolean isTaken() {
        return taken.get();
    }
}
