package io.fleetdeck.app.cli;

import picocli.CommandLine.Option;

/** {@code --no-demo}: the console starts without its small simulated fleet. */
public final class DemoOption {

    @Option(names = "--no-demo")
    boolean noDemo;
}
