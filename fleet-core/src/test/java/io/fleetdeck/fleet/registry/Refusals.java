package io.fleetdeck.fleet.registry;

/** The refusal a registry call must end in, for tests that assert its code and words. */
final class Refusals {

    private Refusals() {}

    interface ThrowingCall {
        void run() throws Exception;
    }

    /** The RegistryException {@code call} throws; an error when it succeeds or fails otherwise. */
    static RegistryException refusal(ThrowingCall call) {
        try {
            call.run();
        } catch (RegistryException e) {
            return e;
        } catch (Exception e) {
            throw new AssertionError("expected a RegistryException, got " + e, e);
        }
        throw new AssertionError("expected a refusal");
    }
}
