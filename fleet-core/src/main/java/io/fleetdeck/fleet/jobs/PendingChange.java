package io.fleetdeck.fleet.jobs;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a commit did to one thing's pending executions, so the device hears of it (AWS-IOT-BEHAVIOUR §2.6): whether an
 * execution joined or left the list ({@code jobs/notify}), and whether the one {@code $next} names changed
 * ({@code jobs/notify-next}).
 *
 * @param statusChanged whether a pending execution changed status (QUEUED to IN_PROGRESS) without leaving the list
 * @param pending the thing's pending executions after the commit, IN_PROGRESS first, each in queue order
 * @param nextDocument the job document of {@code pending}'s first execution, if any
 */
public record PendingChange(
        String thing,
        boolean listChanged,
        boolean statusChanged,
        boolean nextChanged,
        List<JobExecution> pending,
        @Nullable String nextDocument) {

    public PendingChange {
        pending = List.copyOf(pending);
    }

    static PendingChange between(
            String thing, List<JobExecution> before, List<JobExecution> after, @Nullable String nextDocument) {
        boolean listChanged = !before.stream()
                .map(JobExecution::key)
                .collect(java.util.stream.Collectors.toSet())
                .equals(after.stream().map(JobExecution::key).collect(java.util.stream.Collectors.toSet()));
        String nextBefore = before.isEmpty() ? null : before.getFirst().key();
        String nextAfter = after.isEmpty() ? null : after.getFirst().key();
        boolean statusChanged = !before.stream()
                .map(execution -> execution.key() + execution.status())
                .toList()
                .containsAll(after.stream()
                        .map(execution -> execution.key() + execution.status())
                        .toList());
        return new PendingChange(
                thing, listChanged, statusChanged, !Objects.equals(nextBefore, nextAfter), after, nextDocument);
    }

    public boolean any() {
        return listChanged || nextChanged;
    }

    public @Nullable JobExecution next() {
        return pending.isEmpty() ? null : pending.getFirst();
    }
}
