package io.fleetdeck.broker.session;

/**
 * A token bucket: {@code perSecond} tokens a second, at most a second's worth saved up. Zero per second means no
 * limit. Not thread-safe: each limiter belongs to one connection or session, which guards it.
 */
public final class RateLimiter {

    private final int perSecond;
    private double tokens;
    private long lastMillis;

    public RateLimiter(int perSecond, long nowMillis) {
        this.perSecond = perSecond;
        this.tokens = perSecond;
        this.lastMillis = nowMillis;
    }

    /** Takes a token if one is there; false when the rate is used up for now. */
    public boolean tryAcquire(long nowMillis) {
        if (perSecond <= 0) {
            return true;
        }
        refill(nowMillis);
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        return true;
    }

    /** Milliseconds until the next token, 0 when one is there. */
    public long millisUntilNext(long nowMillis) {
        if (perSecond <= 0) {
            return 0;
        }
        refill(nowMillis);
        return tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) * 1000 / perSecond);
    }

    private void refill(long nowMillis) {
        if (nowMillis > lastMillis) {
            tokens = Math.min(perSecond, tokens + (nowMillis - lastMillis) * perSecond / 1000.0);
            lastMillis = nowMillis;
        }
    }
}
