package io.fleetdeck.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Lucene translation finds exactly the things the in-memory evaluator matches, for random queries over
 * random fleets: one fleet of 10,000 things indexed once, and many small fleets indexed per try.
 */
class DifferentialPropertiesTest {

    private static final int BIG_FLEET = 10_000;

    private static IndexedFleet bigFleet;

    @BeforeAll
    static void indexTheBigFleet() {
        bigFleet = new IndexedFleet(RandomFleet.of(20_261_126L, BIG_FLEET));
    }

    @AfterAll
    static void closeTheBigFleet() {
        bigFleet.close();
    }

    @Test
    void luceneAndMemoryAgreeOnTenThousandThings() {
        var someButNotAll = new AtomicInteger();
        qt().withExamples(400).forAll(QueryTexts.queries()).checkAssert(query -> {
            parsedWithinLimits(query).ifPresent(parsed -> {
                var found = bigFleet.search(parsed);
                assertThat(found).as("Lucene vs in memory for %s", query).isEqualTo(bigFleet.evaluate(parsed));
                if (!found.isEmpty() && found.size() < BIG_FLEET) {
                    someButNotAll.incrementAndGet();
                }
            });
        });
        // agreeing on "nothing" and "everything" alone would prove little: most queries must pick some things out
        assertThat(someButNotAll)
                .as("queries that found some but not all things")
                .hasValueGreaterThan(100);
    }

    @Test
    void luceneAndMemoryAgreeOnSmallFleets() {
        qt().withExamples(300)
                .forAll(longs().all(), integers().between(1, 300), QueryTexts.queries())
                .checkAssert((seed, size, query) -> parsedWithinLimits(query).ifPresent(parsed -> {
                    List<FleetDocument> things = RandomFleet.of(seed, size);
                    try (var fleet = new IndexedFleet(things)) {
                        assertThat(fleet.search(parsed))
                                .as("Lucene vs in memory for %s over %d things from seed %d", query, size, seed)
                                .isEqualTo(fleet.evaluate(parsed));
                    }
                }));
    }

    /** The generator writes valid syntax but may exceed §3.6's limits; those tries are skipped, nothing else. */
    private static Optional<FleetQuery> parsedWithinLimits(String query) {
        try {
            return Optional.of(FleetQuery.parse(query));
        } catch (QueryException e) {
            boolean overLimit = e.getMessage().startsWith("too many terms")
                    || e.getMessage().startsWith("only one term may start with a wildcard")
                    || e.getMessage().startsWith("a query with a leading wildcard");
            assertThat(overLimit)
                    .as("generated query %s refused: %s", query, e.getMessage())
                    .isTrue();
            return Optional.empty();
        }
    }
}
