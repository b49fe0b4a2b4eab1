package io.fleetdeck.views.certificates;

/** What the message line says about the last action. */
public enum MessageKind {
    NONE,
    SUCCESS,
    ERROR
}
