package io.fleetdeck.broker.protocol;

import io.fleetdeck.broker.config.BrokerLimits;
import io.fleetdeck.broker.config.MqttProfile;
import java.util.Optional;

/**
 * Which topic names and filters a client may use (AWS-IOT-BEHAVIOUR §0.1, §9): UTF-8, at most 256 bytes and 7 slashes
 * (the {@code $aws/rules/<rule>/} prefix of Basic Ingest not counted), wildcards only in filters and only as whole
 * levels, {@code #} last, and of the reserved {@code $} topics only {@code $aws/...}; the standard MQTT profile lifts
 * the sizes to MQTT's and allows other {@code $} topics ({@link MqttProfile}). Each check returns the problem in words,
 * or empty when the topic is fine.
 */
public final class TopicRules {

    private static final String RULES_PREFIX = "$aws/rules/";
    private static final String SHARE_PREFIX = "$share/";

    private final BrokerLimits limits;
    private final MqttProfile profile;

    public TopicRules(BrokerLimits limits) {
        this(limits, MqttProfile.AWS);
    }

    public TopicRules(BrokerLimits limits, MqttProfile profile) {
        this.limits = limits;
        this.profile = profile;
    }

    public Optional<String> checkTopicName(String topic) {
        if (topic.indexOf('+') >= 0 || topic.indexOf('#') >= 0) {
            return Optional.of("a topic name must not contain the wildcards + or #");
        }
        return checkCommon(topic, true);
    }

    /** A SUBSCRIBE's filter: a topic filter, or a shared one {@code $share/<group>/<filter>} (MQTT 5 §4.8.2). */
    public Optional<String> checkSubscription(String filter) {
        if (!filter.startsWith(SHARE_PREFIX)) {
            return checkFilter(filter);
        }
        int slash = filter.indexOf('/', SHARE_PREFIX.length());
        String group = slash < 0 ? "" : filter.substring(SHARE_PREFIX.length(), slash);
        if (group.isEmpty() || group.contains("+") || group.contains("#")) {
            return Optional.of("a shared subscription needs a group name without wildcards: $share/<group>/<filter>");
        }
        return checkFilter(filter.substring(slash + 1));
    }

    public Optional<String> checkFilter(String filter) {
        String[] levels = filter.split("/", -1);
        for (int i = 0; i < levels.length; i++) {
            String level = levels[i];
            if (level.contains("#") && (!level.equals("#") || i != levels.length - 1)) {
                return Optional.of("# must be alone in the last level of a filter");
            }
            if (level.contains("+") && !level.equals("+")) {
                return Optional.of("+ must be alone in its level of a filter");
            }
        }
        return checkCommon(filter, false);
    }

    private Optional<String> checkCommon(String topic, boolean publishing) {
        if (topic.isEmpty()) {
            return Optional.of("the topic is empty");
        }
        if (topic.indexOf('\u0000') >= 0) {
            return Optional.of("the topic contains a null character");
        }
        int bytes = utf8Length(topic);
        if (bytes > limits.maxTopicBytes()) {
            return Optional.of("the topic is " + bytes + " bytes, more than " + limits.maxTopicBytes());
        }
        int slashes = slashesCounted(topic);
        if (slashes > limits.maxTopicSlashes()) {
            return Optional.of("the topic has " + slashes + " slashes, more than " + limits.maxTopicSlashes());
        }
        return profile.reservedTopicProblem(topic, publishing);
    }

    /** Slashes that count against the limit: the {@code $aws/rules/<rule>/} prefix of Basic Ingest does not. */
    private static int slashesCounted(String topic) {
        int from = 0;
        if (topic.startsWith(RULES_PREFIX)) {
            int ruleEnd = topic.indexOf('/', RULES_PREFIX.length());
            from = ruleEnd < 0 ? topic.length() : ruleEnd + 1;
        }
        int slashes = 0;
        for (int i = from; i < topic.length(); i++) {
            if (topic.charAt(i) == '/') {
                slashes++;
            }
        }
        return slashes;
    }

    /** The topic's length in UTF-8 without encoding it: checked on every publish. */
    static int utf8Length(String text) {
        int bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)
                    && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
