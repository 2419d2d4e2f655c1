package io.wenzheng.intake.petition;

import io.micrometer.core.instrument.Metrics;
import io.wenzheng.kit.problem.Problem;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A petition beyond what intake admits at once ({@link PetitionIntake#submitOnce}): refused at once, as a problem. */
public class AdmissionProblems {
    @ServerExceptionMapper
    public Response busy(BulkheadException e) {
        Metrics.counter("wenzheng.intake.shed").increment();
        return Response.fromResponse(Problem.of(503, "Service busy",
                        "more petitions are being filed than intake takes at once; nothing was stored, send it again in a moment")
                .response()).header("Retry-After", "1").build();
    }
}
