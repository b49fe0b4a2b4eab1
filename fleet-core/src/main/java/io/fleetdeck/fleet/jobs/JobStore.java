package io.fleetdeck.fleet.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The {@code job} and {@code job_execution} tables (migration V7), read and written within the caller's transaction. */
final class JobStore {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EXECUTION_COLUMNS = "job_id, thing_name, execution_number, queue_order, status,"
            + " status_details, queued_at, started_at, last_updated_at, version_number, step_deadline,"
            + " in_progress_deadline";
    private static final String JOB_COLUMNS = "job_id, document, description, targets, status, force_canceled,"
            + " in_progress_timeout_minutes, created_at, last_updated_at, completed_at";

    private JobStore() {}

    static void insertJob(Connection connection, Job job) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO job (" + JOB_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, job.jobId());
            insert.setString(2, job.document());
            insert.setString(3, job.description());
            insert.setString(4, toJson(job.targets()));
            insert.setString(5, job.status().name());
            insert.setInt(6, job.forceCanceled() ? 1 : 0);
            setNullableLong(
                    insert, 7, job.inProgressTimeoutMinutes() == null ? null : (long) job.inProgressTimeoutMinutes());
            insert.setLong(8, job.createdAt());
            insert.setLong(9, job.lastUpdatedAt());
            setNullableLong(insert, 10, job.completedAt());
            insert.executeUpdate();
        }
    }

    static void updateJob(Connection connection, Job job) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE job SET status = ?, force_canceled = ?,"
                + " last_updated_at = ?, completed_at = ? WHERE job_id = ?")) {
            update.setString(1, job.status().name());
            update.setInt(2, job.forceCanceled() ? 1 : 0);
            update.setLong(3, job.lastUpdatedAt());
            setNullableLong(update, 4, job.completedAt());
            update.setString(5, job.jobId());
            update.executeUpdate();
        }
    }

    static Optional<Job> job(Connection connection, String jobId) throws SQLException {
        try (PreparedStatement select =
                connection.prepareStatement("SELECT " + JOB_COLUMNS + " FROM job WHERE job_id = ?")) {
            select.setString(1, jobId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(job(row)) : Optional.empty();
            }
        }
    }

    static List<Job> jobs(Connection connection) throws SQLException {
        List<Job> jobs = new ArrayList<>();
        try (PreparedStatement select =
                        connection.prepareStatement("SELECT " + JOB_COLUMNS + " FROM job ORDER BY created_at, job_id");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                jobs.add(job(rows));
            }
        }
        return jobs;
    }

    private static Job job(ResultSet row) throws SQLException {
        long timeout = row.getLong(7);
        Integer timeoutMinutes = row.wasNull() ? null : (int) timeout;
        return new Job(
                row.getString(1),
                row.getString(2),
                row.getString(3),
                fromJson(row.getString(4), new TypeReference<List<String>>() {}),
                JobStatus.valueOf(row.getString(5)),
                row.getInt(6) != 0,
                timeoutMinutes,
                row.getLong(8),
                row.getLong(9),
                nullableLong(row, 10));
    }

    /** The next queue position: executions are listed in the order they were queued (§2.2). */
    static long nextQueueOrder(Connection connection) throws SQLException {
        try (PreparedStatement select =
                        connection.prepareStatement("SELECT COALESCE(MAX(queue_order), 0) FROM job_execution");
                ResultSet row = select.executeQuery()) {
            row.next();
            return row.getLong(1) + 1;
        }
    }

    static void insertExecution(Connection connection, JobExecution execution) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO job_execution (" + EXECUTION_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, execution.jobId());
            insert.setString(2, execution.thingName());
            insert.setLong(3, execution.executionNumber());
            insert.setLong(4, execution.queueOrder());
            insert.setString(5, execution.status().name());
            insert.setString(6, toJson(execution.statusDetails()));
            insert.setLong(7, execution.queuedAt());
            setNullableLong(insert, 8, execution.startedAt());
            insert.setLong(9, execution.lastUpdatedAt());
            insert.setLong(10, execution.versionNumber());
            setNullableLong(insert, 11, execution.stepDeadline());
            setNullableLong(insert, 12, execution.inProgressDeadline());
            insert.executeUpdate();
        }
    }

    static void updateExecution(Connection connection, JobExecution execution) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE job_execution SET status = ?,"
                + " status_details = ?, started_at = ?, last_updated_at = ?, version_number = ?, step_deadline = ?,"
                + " in_progress_deadline = ? WHERE job_id = ? AND thing_name = ? AND execution_number = ?")) {
            update.setString(1, execution.status().name());
            update.setString(2, toJson(execution.statusDetails()));
            setNullableLong(update, 3, execution.startedAt());
            update.setLong(4, execution.lastUpdatedAt());
            update.setLong(5, execution.versionNumber());
            setNullableLong(update, 6, execution.stepDeadline());
            setNullableLong(update, 7, execution.inProgressDeadline());
            update.setString(8, execution.jobId());
            update.setString(9, execution.thingName());
            update.setLong(10, execution.executionNumber());
            update.executeUpdate();
        }
    }

    /** A thing's QUEUED and IN_PROGRESS executions: IN_PROGRESS first, each in queue order (§2.2, §2.6). */
    static List<JobExecution> pending(Connection connection, String thing) throws SQLException {
        return executions(
                connection,
                "WHERE thing_name = ? AND status IN ('IN_PROGRESS', 'QUEUED')"
                        + " ORDER BY CASE status WHEN 'IN_PROGRESS' THEN 0 ELSE 1 END, queue_order",
                thing);
    }

    /** A thing's executions of one job, newest run first. */
    static List<JobExecution> executionsOf(Connection connection, String jobId, String thing) throws SQLException {
        return executions(
                connection, "WHERE job_id = ? AND thing_name = ? ORDER BY execution_number DESC", jobId, thing);
    }

    static List<JobExecution> executionsForJob(Connection connection, String jobId) throws SQLException {
        return executions(connection, "WHERE job_id = ? ORDER BY queue_order, thing_name", jobId);
    }

    /** IN_PROGRESS executions whose step or in-progress timer ran out by {@code now}. */
    static List<JobExecution> overdue(Connection connection, long now) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + EXECUTION_COLUMNS
                + " FROM job_execution WHERE status = 'IN_PROGRESS' AND (step_deadline <= ? OR in_progress_deadline"
                + " <= ?) ORDER BY queue_order")) {
            select.setLong(1, now);
            select.setLong(2, now);
            return executions(select);
        }
    }

    private static List<JobExecution> executions(Connection connection, String where, String... parameters)
            throws SQLException {
        try (PreparedStatement select =
                connection.prepareStatement("SELECT " + EXECUTION_COLUMNS + " FROM job_execution " + where)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setString(i + 1, parameters[i]);
            }
            return executions(select);
        }
    }

    private static List<JobExecution> executions(PreparedStatement select) throws SQLException {
        List<JobExecution> executions = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                executions.add(new JobExecution(
                        rows.getString(1),
                        rows.getString(2),
                        rows.getLong(3),
                        rows.getLong(4),
                        JobExecutionStatus.valueOf(rows.getString(5)),
                        fromJson(rows.getString(6), new TypeReference<LinkedHashMap<String, String>>() {}),
                        rows.getLong(7),
                        nullableLong(rows, 8),
                        rows.getLong(9),
                        rows.getLong(10),
                        nullableLong(rows, 11),
                        nullableLong(rows, 12)));
            }
        }
        return executions;
    }

    private static @Nullable Long nullableLong(ResultSet row, int column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }

    private static void setNullableLong(PreparedStatement statement, int index, @Nullable Long value)
            throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }

    private static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("lists and maps of strings always serialise", e);
        }
    }

    private static <T> T fromJson(String text, TypeReference<T> type) throws SQLException {
        try {
            return JSON.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new SQLException("a stored job column is not the JSON it was written as: " + e.getMessage(), e);
        }
    }

    /** How many of a job's executions are QUEUED or IN_PROGRESS. */
    static long pendingCount(Connection connection, String jobId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT COUNT(*) FROM job_execution" + " WHERE job_id = ? AND status IN ('QUEUED', 'IN_PROGRESS')")) {
            select.setString(1, jobId);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /** How many executions of a job are in each status. */
    static Map<JobExecutionStatus, Long> counts(Connection connection, String jobId) throws SQLException {
        Map<JobExecutionStatus, Long> counts = new LinkedHashMap<>();
        for (JobExecutionStatus status : JobExecutionStatus.values()) {
            counts.put(status, 0L);
        }
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT status, COUNT(*) FROM job_execution WHERE job_id = ? GROUP BY status")) {
            select.setString(1, jobId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    counts.put(JobExecutionStatus.valueOf(rows.getString(1)), rows.getLong(2));
                }
            }
        }
        return counts;
    }
}
