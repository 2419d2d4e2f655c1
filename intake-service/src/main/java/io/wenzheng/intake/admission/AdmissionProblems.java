package io.wenzheng.intake.admission;

import io.micrometer.core.instrument.Metrics;
import io.wenzheng.kit.problem.Problem;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A petition the filing bulkhead ({@link io.wenzheng.intake.petition.PetitionIntake#submitOnce}) had no room for:
 * refused at once, as a problem. Requests through the {@link EarlyAdmission} gate are refused there first; this is for
 * a caller that files without passing it.
 */
public class AdmissionProblems {
    @ServerExceptionMapper
    public Response busy(BulkheadException e) {
        Metrics.counter("wenzheng.intake.shed", "stage", "filing").increment();
        return Response.fromResponse(Problem.of(503, "Service busy", EarlyAdmission.DETAIL).response())
                .header("Retry-After", "1").build();
    }
}
