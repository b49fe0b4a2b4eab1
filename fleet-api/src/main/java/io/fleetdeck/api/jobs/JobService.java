package io.fleetdeck.api.jobs;

import io.fleetdeck.api.error.FleetApiException;
import java.util.List;

/**
 * The jobs a fleet runs, as AWS IoT's CreateJob, DescribeJob, ListJobExecutionsForJob, DescribeJobExecution and
 * CancelJob. Changes reach devices at once when an instance runs, and travel as {@code JobChanged} and
 * {@code JobExecutionChanged} fleet events.
 */
public interface JobService {

    /**
     * Queues one execution per target thing. Refused: a malformed job id or document, no target
     * ({@code InvalidRequestException}), a document over 32 KB ({@code LimitExceededException}), an unknown thing or
     * group ({@code ResourceNotFoundException}), a job id in use ({@code ResourceAlreadyExistsException}).
     */
    JobDescription createJob(NewJobRequest request) throws FleetApiException;

    JobDescription describeJob(String jobId) throws FleetApiException;

    /** The job's executions in the order they were queued. */
    List<JobExecutionInfo> listJobExecutionsForJob(String jobId) throws FleetApiException;

    /** The latest execution of the job on the thing. */
    JobExecutionInfo describeJobExecution(String jobId, String thingName) throws FleetApiException;

    /**
     * Cancels the job: its QUEUED executions become CANCELED, and with {@code force} its IN_PROGRESS ones too (AWS
     * leaves those to finish otherwise). A job already COMPLETED or CANCELED is refused ({@code InvalidRequestException}).
     */
    JobDescription cancelJob(String jobId, boolean force) throws FleetApiException;
}
