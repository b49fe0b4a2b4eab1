package io.fleetdeck.bench.shadow;

import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** One way of driving the simulated things over MQTT for a while, and what came of it. */
sealed interface MqttRun {

    record Result(double acceptedPerSecond, long rejected, Latencies latencies) {}

    Result measure(int seconds) throws InterruptedException;

    /** Each thing sends its next update as soon as the last one is answered: the service's ceiling. */
    final class AsFastAsAnswered implements MqttRun {
        private final ShadowDevices devices;
        private volatile boolean running;

        AsFastAsAnswered(ShadowDevices devices) {
            this.devices = devices;
            devices.onAnswer(index -> {
                if (running) {
                    devices.devices().get((int) index).sendUpdate();
                }
            });
        }

        @Override
        public Result measure(int seconds) throws InterruptedException {
            Counts before = Counts.of(devices);
            running = true;
            devices.onLoop(() -> devices.devices().forEach(ShadowDevices.Device::sendUpdate));
            ShadowBenchmark.pause(TimeUnit.SECONDS.toMillis(seconds));
            running = false;
            ShadowBenchmark.pause(500); // the updates still in flight are answered, not counted
            return before.since(devices, seconds);
        }
    }

    /** A steady total rate, spread evenly over the things, every millisecond. */
    final class Steady implements MqttRun {
        private final ShadowDevices devices;
        private final int rate;

        Steady(ShadowDevices devices, int rate) {
            this.devices = devices;
            this.rate = rate;
        }

        @Override
        public Result measure(int seconds) throws InterruptedException {
            Counts before = Counts.of(devices);
            List<ShadowDevices.Device> things = devices.devices();
            long start = System.nanoTime();
            long[] sent = {0};
            ScheduledFuture<?> ticks = devices.loop()
                    .scheduleAtFixedRate(
                            () -> {
                                long due = (System.nanoTime() - start) * rate / 1_000_000_000L;
                                for (; sent[0] < due; sent[0]++) {
                                    things.get((int) (sent[0] % things.size())).sendUpdate();
                                }
                            },
                            0,
                            1,
                            TimeUnit.MILLISECONDS);
            ShadowBenchmark.pause(TimeUnit.SECONDS.toMillis(seconds));
            ticks.cancel(false);
            ShadowBenchmark.pause(500);
            return before.since(devices, seconds);
        }
    }

    /** Answers counted so far, to take one run's share; latencies start afresh with each run. */
    record Counts(long accepted, long rejected) {
        static Counts of(ShadowDevices devices) {
            devices.resetLatencies();
            return new Counts(devices.accepted.get(), devices.rejected.get());
        }

        Result since(ShadowDevices devices, int seconds) {
            return new Result(
                    (devices.accepted.get() - accepted) / (double) seconds,
                    devices.rejected.get() - rejected,
                    devices.latencies());
        }
    }
}
