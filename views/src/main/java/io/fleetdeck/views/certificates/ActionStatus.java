package io.fleetdeck.views.certificates;

import io.fleetdeck.views.common.Texts;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Whether an action on the identity registry runs, and the one line that says how the last one went. The view's
 * {@link CertificatesViewModel} holds it and shows it; {@link CertificateActionsModel} and {@link PolicySimulationModel}
 * share it, so a second action is ignored until the first ends, whichever of them started it, and both report on the
 * same line. Owned by the JavaFX thread.
 */
final class ActionStatus {

    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<MessageKind> messageKind = new ReadOnlyObjectWrapper<>(MessageKind.NONE);

    boolean isBusy() {
        return busy.get();
    }

    void setBusy(boolean running) {
        busy.set(running);
    }

    void show(String text, MessageKind kind) {
        message.set(text);
        messageKind.set(kind);
    }

    void showError(String text) {
        show(text, MessageKind.ERROR);
    }

    void dismiss() {
        show("", MessageKind.NONE);
    }

    ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<MessageKind> messageKindProperty() {
        return messageKind.getReadOnlyProperty();
    }

    /** An unexpected failure in words: its message, or its kind when it has none, never a stack trace. */
    static String describe(RuntimeException e) {
        return e.getMessage() == null
                ? Texts.get("certificates.unexpected", e.getClass().getSimpleName())
                : e.getMessage();
    }
}
