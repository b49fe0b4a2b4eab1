package io.fleetdeck.app.cli;

/**
 * The ARNs the JSON output carries where AWS's does, so a script that reads them finds them. One local region and
 * account, the same the broker's policy evaluator reads a policy's resources in.
 */
final class Arns {

    private static final String PREFIX = "arn:aws:iot:local:000000000000:";

    private Arns() {}

    static String of(String resourceType, String name) {
        return PREFIX + resourceType + "/" + name;
    }
}
