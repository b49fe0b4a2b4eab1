package io.fleetdeck.index;

import java.util.Objects;
import org.apache.lucene.search.Query;

/**
 * A fleet index query in the AWS Fleet Indexing language, query version {@value #QUERY_VERSION}
 * (AWS-IOT-BEHAVIOUR §3.3): {@code thingName:tv* AND NOT attributes.model:legacy}, {@code
 * shadow.reported.stats.battery>90}, {@code connectivity.connected:true}, {@code *}.
 *
 * <p>{@link #parse} checks the syntax and the limits of §3.6 and says where a query goes wrong. A parsed
 * query runs two ways that agree by construction and by test: {@link #toLucene()} against an index of
 * {@link DocumentEncoding} documents, and {@link #matches} against one {@link FleetDocument} in memory.
 *
 * <p>Immutable and thread-safe.
 */
public final class FleetQuery {

    public static final String QUERY_VERSION = "2017-09-30";

    private final String text;
    private final QueryNode root;

    private FleetQuery(String text, QueryNode root) {
        this.text = text;
        this.root = root;
    }

    /** Parses {@code text}; the exception's message says what was expected where, for the user. */
    public static FleetQuery parse(String text) throws QueryException {
        Objects.requireNonNull(text, "query text");
        return new FleetQuery(text, QueryParser.parse(Tokens.wellFormed(text)));
    }

    /** The query as written. */
    public String text() {
        return text;
    }

    /** The Lucene query that finds the matching things in an index of {@link DocumentEncoding} documents. */
    public Query toLucene() {
        return LuceneTranslation.translate(root);
    }

    /** Whether {@code thing} matches, evaluated in memory with the same semantics as {@link #toLucene()}. */
    public boolean matches(FleetDocument thing) {
        return InMemoryMatch.matches(root, thing);
    }

    /**
     * This query as a dynamic group evaluates it: {@code thingGroupNames} stands for the thing's static groups only.
     * The index holds dynamic groups in {@code thingGroupNames} too (§3.2); if a group's query saw them, membership
     * could feed on itself ({@code NOT thingGroupNames:*} would let a thing in and then out again, for ever).
     */
    public FleetQuery forDynamicGroup() {
        return new FleetQuery(text, StaticGroupsOnly.rewrite(root));
    }

    QueryNode root() {
        return root;
    }

    @Override
    public String toString() {
        return text;
    }
}
