/** The broker against Mosquitto: throughput, latency and fan-out scenarios, and steady telemetry into a console. */
@NullMarked
package io.fleetdeck.bench.mqtt;

import org.jspecify.annotations.NullMarked;
