package io.fleetdeck.app.runtime;

import sun.misc.Signal;

/**
 * Takes over SIGTERM and SIGINT. The JVM's own handling runs shutdown hooks and exits 143 (or 130); an orderly stop
 * that exits 0 needs the signal itself, and {@code sun.misc.Signal} (module jdk.unsupported) is the JDK's one way to
 * get it. Kept to this class so the exception to the forbidden-API rule stays this small.
 */
@SuppressForbidden(reason = "only sun.misc.Signal lets a SIGTERM end in an orderly exit with code 0")
final class SignalTrap {

    private SignalTrap() {}

    /** Runs {@code handler} with the signal's name (TERM, INT) on the JVM's signal thread. */
    static void trap(String signalName, java.util.function.Consumer<String> handler) {
        Signal.handle(new Signal(signalName), signal -> handler.accept(signal.getName()));
    }
}
