package io.fleetdeck.firmware.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetdeck.firmware.delivery.RangeHeader.Answer;
import io.fleetdeck.firmware.delivery.RangeHeader.Part;
import io.fleetdeck.firmware.delivery.RangeHeader.Unsatisfiable;
import io.fleetdeck.firmware.delivery.RangeHeader.Whole;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/** What a device that resumes a download asks for (RFC 9110 §14.1.2), and anything else a header may say. */
class RangeHeaderTest {

    private static final long SIZE = 1000;

    @Example
    void theThreeFormsOfOneRangeSelectTheBytesTheyName() {
        assertThat(RangeHeader.answer("bytes=0-99", SIZE)).isEqualTo(new Part(0, 99));
        assertThat(RangeHeader.answer("bytes=900-", SIZE)).isEqualTo(new Part(900, 999));
        assertThat(RangeHeader.answer("bytes=-100", SIZE)).isEqualTo(new Part(900, 999));
        assertThat(RangeHeader.answer("Bytes = 5 - 5", SIZE)).isEqualTo(new Part(5, 5));
    }

    @Example
    void aRangePastTheEndIsCutAtTheLastByteAndALongSuffixIsTheWholeImage() {
        assertThat(RangeHeader.answer("bytes=990-5000", SIZE)).isEqualTo(new Part(990, 999));
        assertThat(RangeHeader.answer("bytes=-5000", SIZE)).isEqualTo(new Part(0, 999));
    }

    @Example
    void aRangeThatStartsPastTheImageOrAsksForNothingIsUnsatisfiable() {
        assertThat(RangeHeader.answer("bytes=1000-", SIZE)).isInstanceOf(Unsatisfiable.class);
        assertThat(RangeHeader.answer("bytes=1000-1200", SIZE)).isInstanceOf(Unsatisfiable.class);
        assertThat(RangeHeader.answer("bytes=-0", SIZE)).isInstanceOf(Unsatisfiable.class);
    }

    @Example
    void whatIsNotOneRangeOfBytesIsIgnoredSayingWhy() {
        assertThat(RangeHeader.answer(null, SIZE)).isEqualTo(new Whole(null));
        assertThat(ignored("bytes=0-1,5-9")).isEqualTo("more than one range");
        assertThat(ignored("items=0-1")).startsWith("not a range of bytes");
        assertThat(ignored("bytes=9-1")).startsWith("not a range of bytes");
        assertThat(ignored("bytes=a-b")).startsWith("not a range of bytes");
        assertThat(ignored("bytes=+1-2")).startsWith("not a range of bytes");
        assertThat(ignored("bytes=-")).startsWith("not a range of bytes");
        assertThat(ignored("bytes=5")).startsWith("no '-'");
        assertThat(ignored("bytes=99999999999999999999-")).startsWith("not a range of bytes");
    }

    private static String ignored(String header) {
        Answer answer = RangeHeader.answer(header, SIZE);
        assertThat(answer).as(header).isInstanceOf(Whole.class);
        return String.valueOf(((Whole) answer).ignored());
    }

    @Property(tries = 5000)
    void anyHeaderIsAPartInsideTheImageOrAClearRefusalNeverAnException(
            @ForAll String header, @ForAll @LongRange(min = 1, max = 64L * 1024 * 1024) long size) {
        assertAnswerable(RangeHeader.answer(header, size), size);
    }

    @Property(tries = 5000)
    void anyRangeLikeHeaderIsAnsweredToo(
            @ForAll @LongRange(min = -5, max = 3000) long first,
            @ForAll @LongRange(min = -5, max = 3000) long last,
            @ForAll @LongRange(min = 1, max = 2000) long size) {
        String from = first < 0 ? "" : Long.toString(first);
        String to = last < 0 ? "" : Long.toString(last);
        assertAnswerable(RangeHeader.answer("bytes=" + from + "-" + to, size), size);
    }

    private static void assertAnswerable(Answer answer, long size) {
        switch (answer) {
            case Part part -> {
                assertThat(part.first()).isBetween(0L, size - 1);
                assertThat(part.last()).isBetween(part.first(), size - 1);
            }
            case Whole whole -> assertThat(whole).isNotNull();
            case Unsatisfiable unsatisfiable -> assertThat(unsatisfiable.why()).isNotBlank();
        }
    }
}
