package io.fleetdeck.fleet.shadow;

import io.fleetdeck.fleet.store.StoreException;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One queued shadow operation: what it does against the batch it lands in, and the answer its caller waits for. The
 * answer is given only after the batch has been committed, so nobody ever sees a state that could still be lost.
 */
final class ShadowWork<T> {

    private static final Logger LOG = LoggerFactory.getLogger(ShadowWork.class);

    /** The operation itself, run on the committer's thread against the batch's view of the shadows. */
    @FunctionalInterface
    interface Step<T> {
        T run(ShadowBatch batch) throws ShadowException;
    }

    private final String thing;
    private final Step<T> step;
    private final CompletableFuture<T> answer = new CompletableFuture<>();
    private @Nullable T outcome;
    private @Nullable ShadowException refusal;

    ShadowWork(String thing, Step<T> step) {
        this.thing = thing;
        this.step = step;
    }

    String thing() {
        return thing;
    }

    CompletableFuture<T> answer() {
        return answer;
    }

    /**
     * Runs the step; a refusal, or a bug met by this request alone, does not stop the batch. A store failure does:
     * it propagates and the whole batch is refused.
     */
    void runIn(ShadowBatch batch) {
        try {
            outcome = step.run(batch);
        } catch (ShadowException e) {
            refusal = e;
        } catch (StoreException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.error("A shadow request for {} failed", thing, e);
            refusal = new ShadowException(500, "Internal service failure");
        }
    }

    /** Gives the caller the outcome decided in the batch, now that the batch is durable. */
    void answerCommitted() {
        if (refusal != null) {
            answer.completeExceptionally(refusal);
        } else {
            answer.complete(outcome);
        }
    }

    void answerFailed(ShadowException failure) {
        answer.completeExceptionally(failure);
    }
}
