package io.fleetdeck.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A malformed query is refused with the place of the problem and what was expected there. */
class QueryErrorsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '§', quoteCharacter = '~', textBlock = """
            thingName: § 10 § expected a value after ':' at column 11, found the end of the query
            (thingName:tv* OR thingTypeName:TV § 0 § unclosed '(' opened at column 1
            a AND (b OR (c d) § 6 § unclosed '(' opened at column 7
            thingName:tv* && thingTypeName:TV § 14 § unknown operator '&&' at column 15: write AND
            thingName:tv* || thingTypeName:TV § 14 § unknown operator '||' at column 15: write OR
            !thingName:tv § 0 § unknown operator '!' at column 1: write NOT or -
            +thingName:tv § 0 § unknown operator '+' at column 1: every term is required already; write NOT or - to exclude one
            attributes.email:ops@example.com § 20 § the character '@' is not allowed (column 21)
            thingName:"it's" § 13 § the character ''' is not allowed (column 14)
            thingName:a\\\\b § 11 § the character '\\' is not allowed (column 12)
            thingName:tv\\ § 12 § expected a character after '\\' at column 13
            attributes.x:[1 TO 5 § 13 § unclosed range '[' opened at column 14
            attributes.x:[1 5] § 16 § expected TO after the lower bound at column 17, found '5'
            attributes.x:{1 TO 5) § 20 § expected ']' or '}' to close the range opened at column 14, found ')'
            attributes.x:[a* TO b] § 14 § wildcards are not allowed in range bounds ('a*' at column 15); * alone leaves the bound open
            [1 TO 5] § 0 § a range needs a field at column 1: write field:[low TO high]
            thingName:tv* OR § 16 § expected a term after OR at column 17, found the end of the query
            AND thingName:tv* § 0 § expected a term before AND at column 1
            thingName:tv AND OR x § 17 § expected a term after AND at column 18, found OR
            NOT § 3 § expected a term after NOT at column 4, found the end of the query
            thingName:tv*) § 13 § unexpected ')' at column 14: there is no '(' to close
            a:b:c § 3 § unexpected ':' at column 4: write \\: to search for a colon
            >5 § 0 § unexpected '>' at column 1: a comparison needs a field name before it
            thingName:"tv kitchen § 10 § unclosed '"' opened at column 11
            thingName:"" § 10 § empty quotes at column 11: put a word between them
            thing*:tv § 0 § wildcards are not allowed in field names ('thing*' at column 1)
            "thing name":tv § 0 § a field name can't be quoted (column 1)
            shadow.reported.x:>5 § 18 § expected a value after ':' at column 19, found '>': for a comparison write shadow.reported.x>5
            shadow.reported.x>* § 18 § expected a number or a string after '>' at column 19, found '*'
            shadow.reported.x<a* § 18 § wildcards are not allowed in a comparison ('a*' at column 19)
            thingName:AND § 10 § expected a value after ':' at column 11, found AND (write \\AND to search for the word)
            thingName:(tv* OR thingTypeName:TV) § 18 § a field group can't name another field ('thingTypeName' at column 19 inside the group of thingName)
            thingName:() § 11 § expected a term after '(' at column 12, found ')'
            thingName:tv^2 § 12 § boosting ('^' at column 13) is not supported
            thingName:tv~ § 12 § fuzzy and proximity searches ('~' at column 13) are not supported
            thingName:*a*b* § 10 § too many '*' in '*a*b*' at column 11: at most 2 in a term
            thingName:a?????? § 10 § too many '?' in 'a??????' at column 11: at most 5 in a term
            thingName:*tv OR thingTypeName:*v § 31 § only one term may start with a wildcard: '*v' at column 32 is the second, after '*tv' at column 11
            deviceDefender.sp1.b.inViolation:false § 33 § deviceDefender.sp1.b.inViolation can only be searched for true (column 34)
            """)
    void refusesWithPositionAndExpectation(String query, int position, String message) {
        var error = refused(query);
        assertThat(error.getMessage()).isEqualTo(message);
        assertThat(error.position()).isEqualTo(position);
        assertThat(error.column()).isEqualTo(position + 1);
    }

    @Test
    void anEmptyQueryAsksForStar() {
        var error = refused("   ");
        assertThat(error.getMessage()).isEqualTo("the query is empty: write * to find every thing");
        assertThat(error.position()).isZero();
    }

    @Test
    void thirteenTermsAreTooMany() {
        var error = refused("a b c d e f g h i j k l m");
        assertThat(error.getMessage())
                .isEqualTo("too many terms: at most 12 in a query, and 'm' at column 25 is the 13th");
        assertThat(error.position()).isEqualTo(24);
        assertParses("a b c d e f g h i j k l");
        assertParses("thingName:(a OR b OR c OR d OR e OR f) AND x:[1 TO 2] y>3 z:* q r \"s t\"");
    }

    @Test
    void aQueryIsAtMost1000Bytes() {
        var fits = "thingName:" + "a".repeat(990);
        assertParses(fits);
        var tooLong = "thingName:" + "é".repeat(496); // 10 + 992 bytes
        var error = refused(tooLong);
        assertThat(error.getMessage())
                .isEqualTo("the query is 1002 bytes long; at most 1000 are allowed (the excess starts at column 506)");
        assertThat(error.position()).isEqualTo(505);
    }

    @Test
    void aLeadingWildcardLimitsTheQueryTo100Characters() {
        var shortEnough = "thingName:*tv AND attributes.model:" + "v".repeat(100 - 35);
        assertParses(shortEnough);
        var error = refused(shortEnough + "2");
        assertThat(error.getMessage())
                .isEqualTo("a query with a leading wildcard ('*tv' at column 11) may have at most 100 characters;"
                        + " this one has 101");
        assertThat(error.position()).isEqualTo(10);
        // without a leading wildcard the same length is fine
        assertParses("thingName:tv* AND attributes.model:" + "v".repeat(66));
    }

    @Test
    void aLongTermIsCutShortInTheMessage() {
        var error = refused("thingName:*a" + "b".repeat(60) + "*c*");
        assertThat(error.getMessage())
                .isEqualTo("too many '*' in '*a" + "b".repeat(27) + "…' at column 11: at most 2 in a term");
    }

    @Test
    void columnsCountCharactersAsPeopleSeeThem() {
        var error = refused("attributes.emoji:\uD83D\uDE00 @");
        assertThat(error.position()).isEqualTo(20);
        assertThat(error.column()).isEqualTo(20);
        assertThat(error.getMessage()).isEqualTo("the character '@' is not allowed (column 20)");
        assertThat(error.caretLine()).isEqualTo(" ".repeat(19) + "^");
    }

    private static QueryException refused(String query) {
        var error = catchThrowableOfType(QueryException.class, () -> FleetQuery.parse(query));
        assertThat(error).as("%s is refused", query).isNotNull();
        assertThat(error.query()).isEqualTo(query);
        return error;
    }

    private static void assertParses(String query) {
        try {
            FleetQuery.parse(query);
        } catch (QueryException e) {
            throw new AssertionError(query + " does not parse: " + e.getMessage(), e);
        }
    }
}
