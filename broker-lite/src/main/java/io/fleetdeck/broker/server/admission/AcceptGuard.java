package io.fleetdeck.broker.server.admission;

import io.netty.channel.Channel;
import io.netty.channel.ChannelConfig;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * On the listening sockets, before an accepted socket is handed to an I/O thread: counts every socket from its accept
 * to its close and closes, at once and on the acceptor's thread, any socket past the hard cap. The connection gate
 * decides later, on the I/O threads, with a lower cap; under a flood its decisions and the closes they cause lag behind
 * the accepts, and this count is what keeps the process's open files below its limit meanwhile. Sharable across the
 * listeners; thread-safe.
 */
@Sharable
public final class AcceptGuard extends ChannelInboundHandlerAdapter {

    /**
     * How often the process's real count of open files is read while the estimate is far from the limit, and while it
     * is near. Between reads each accepted socket counts as one more file and no close counts at all, so the estimate
     * never falls below the real count unless the store or the index open files; reading /proc is not free with
     * thousands of files open, so it is read often only when it matters.
     */
    private static final long FILE_COUNT_INTERVAL_FAR_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private static final long FILE_COUNT_INTERVAL_NEAR_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    /**
     * How long a listener stops accepting when the process's files run short: the sockets the broker has closed keep
     * their files until their I/O thread next selects, and accepting meanwhile would only take the last files the
     * store and the index need. Waiting callers queue in the kernel's backlog, which costs the process no file.
     */
    private static final long PAUSE_MILLIS = 50;

    private final int hardCap;
    private final OpenFileLimit limit;
    private final long filesKeptFree;
    private final AtomicInteger sockets = new AtomicInteger();
    private final ThrottledLog refusals;
    /* read and written on the acceptor's thread only */
    private long openFiles;
    private long openFilesReadAt = System.nanoTime() - FILE_COUNT_INTERVAL_FAR_NANOS;

    /**
     * @param hardCap sockets held at once, from accept to close
     * @param filesKeptFree open files never taken by a socket, for the store, the index and the logs; checked against
     *     the process's real count as well, because a closed socket's file is released only when its I/O thread next
     *     selects, so under a flood that closes silent connections to make room the files lag the count of sockets
     */
    public AcceptGuard(int hardCap, OpenFileLimit limit, long filesKeptFree, ThrottledLog refusals) {
        this.hardCap = hardCap;
        this.limit = limit;
        this.filesKeptFree = filesKeptFree;
        this.refusals = refusals;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object accepted) {
        if (accepted instanceof Channel socket) {
            int held = sockets.incrementAndGet();
            boolean filesShort = filesRunningOut();
            if (held > hardCap || filesShort) {
                sockets.decrementAndGet();
                refusals.record("all " + hardCap + " sockets are taken, or the process's open files nearly so");
                // not registered with an I/O thread yet: closing it here frees its file now
                socket.unsafe().closeForcibly();
                if (filesShort) {
                    pauseAccepting(ctx);
                }
                return;
            }
            openFiles++; // until the next real count, each accepted socket counts as one more file
            socket.closeFuture().addListener(closed -> sockets.decrementAndGet());
        }
        ctx.fireChannelRead(accepted);
    }

    private static void pauseAccepting(ChannelHandlerContext ctx) {
        ChannelConfig listener = ctx.channel().config();
        if (listener.isAutoRead()) {
            listener.setAutoRead(false);
            ctx.executor().schedule(() -> listener.setAutoRead(true), PAUSE_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    private boolean filesRunningOut() {
        if (limit.maxFiles() <= 0) {
            return false;
        }
        long threshold = limit.maxFiles() - filesKeptFree;
        long interval = openFiles >= threshold ? FILE_COUNT_INTERVAL_NEAR_NANOS : FILE_COUNT_INTERVAL_FAR_NANOS;
        long now = System.nanoTime();
        if (now - openFilesReadAt >= interval) {
            long counted = OpenFileLimit.openNow();
            // the count fails when the process cannot open /proc's directory: no file is left
            openFiles = counted < 0 ? limit.maxFiles() : counted;
            openFilesReadAt = now;
        }
        return openFiles >= threshold;
    }

    public int hardCap() {
        return hardCap;
    }

    public int sockets() {
        return sockets.get();
    }
}
