package io.fleetdeck.broker.config;

/**
 * AWS IoT Core's rate quotas (AWS-IOT-BEHAVIOUR §9), off unless asked for: a console's own tools and the benchmarks
 * must not be held to a cloud's per-connection rates, while a firmware team that wants to see how its devices fare
 * under AWS's throttling turns them on. Zero means no limit.
 *
 * @param publishesPerSecondPerConnection publishes in and out of one connection per second (AWS: 100, excess
 *     discarded)
 * @param connectsPerSecondPerClientId CONNECTs per client id per second (AWS: 1)
 * @param replayedPerSecond stored QoS 1 messages replayed per second to a session that comes back (AWS: about 10)
 */
public record RateQuotas(int publishesPerSecondPerConnection, int connectsPerSecondPerClientId, int replayedPerSecond) {

    public static final RateQuotas OFF = new RateQuotas(0, 0, 0);

    public static RateQuotas aws() {
        return new RateQuotas(100, 1, 10);
    }

    public boolean enabled() {
        return publishesPerSecondPerConnection > 0 || connectsPerSecondPerClientId > 0 || replayedPerSecond > 0;
    }
}
