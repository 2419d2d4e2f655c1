package io.wenzheng.intake.casework;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.wenzheng.contracts.EventJson;
import io.wenzheng.contracts.EventType;
import io.wenzheng.contracts.PetitionEvent;
import io.wenzheng.intake.petition.PetitionIntake;
import io.wenzheng.intake.petition.PlainText;
import io.wenzheng.intake.petition.PetitionRow;
import io.wenzheng.intake.petition.PetitionView;
import io.wenzheng.kit.KitConfig;
import io.wenzheng.kit.outbox.Outbox;
import io.wenzheng.kit.problem.Problem;
import io.wenzheng.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Applies a unit's or a citizen's action: the new status, the history entry and the event commit together. */
@ApplicationScoped
public class Casework {
    /** The service's clock ({@code kit.time.ServiceClock}): the system clock, or a test profile's. */
    @jakarta.inject.Inject
    java.time.Clock clock;
    @jakarta.inject.Inject
    io.wenzheng.intake.tracking.TrackingLink link;
    private final Outbox outbox;
    private final PetitionIntake intake;
    private final String source;
    private final io.wenzheng.intake.unitfeed.UnitFeed feed;

    @Inject
    public Casework(Outbox outbox, PetitionIntake intake, KitConfig kit, io.wenzheng.intake.unitfeed.UnitFeed feed) {
        this.outbox = outbox;
        this.feed = feed;
        this.intake = intake;
        this.source = kit.service();
    }

    /** @param sight the caller's: a petition outside it answers 404, as if it did not exist */
    public Uni<PetitionView> act(String id, CaseAction action, io.wenzheng.kit.security.Sight sight) {
        return Panache.withTransaction(() -> apply(id, action, sight)).chain(() -> intake.view(id));
    }

    /**
     * Sends the replies that never reached the citizen again (a platform token renewed, say), and notes it in the
     * history. 409 when there is none.
     */
    public Uni<PetitionView> retryReplies(String id, io.wenzheng.kit.security.Sight sight) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return Panache.withTransaction(() -> PetitionRow.<PetitionRow>findById(id).chain(row -> {
            requireVisible(row, id, sight);
            return io.wenzheng.intake.reply.ReplyDispatcher.retryFailed(id, now).chain(n -> {
                if (n == 0) {
                    throw new ProblemException(Problem.of(409, "Nothing to send again", "every reply of this petition reached the citizen or is on its way"));
                }
                String data = EventJson.mapper().createObjectNode().put("replies", n).toString();
                return PetitionIntake.record(java.util.UUID.randomUUID().toString(), "intake.reply.retried", "intake-service/replies", now, data, id);
            });
        })).chain(() -> intake.view(id));
    }

    /** The rating closes the petition; an unsatisfied citizen who asks for it reopens it, in the same transaction. */
    public Uni<PetitionView> rate(String id, CaseworkResource.Rating rating) {
        if (rating.reopen() && rating.rating() > 3) {
            throw ProblemException.invalid("reopen", "only an unsatisfied rating (1 to 3) reopens a petition");
        }
        String comment = rating.comment() == null ? null : PlainText.clean(rating.comment()).strip();
        CaseAction.Rate rate = new CaseAction.Rate(rating.rating(), comment);
        return Panache.withTransaction(() -> apply(id, rate, io.wenzheng.kit.security.Sight.EVERYTHING).chain(() -> rating.reopen()
                        ? apply(id, new CaseAction.Reopen(comment == null || comment.isEmpty() ? "citizen not satisfied" : comment), io.wenzheng.kit.security.Sight.EVERYTHING)
                        : Uni.createFrom().voidItem()))
                .chain(() -> intake.view(id));
    }

    /**
     * Applies an action inside the caller's transaction and answers the petition's new status; throws a
     * {@link ProblemException} before changing anything when the caller may not act so.
     */
    public Uni<io.wenzheng.contracts.PetitionStatus> applyWithin(String id, CaseAction action, io.wenzheng.kit.security.Sight sight) {
        return apply(id, action, sight).chain(() -> PetitionRow.<PetitionRow>findById(id)).map(row -> row.status);
    }

    /** A petition outside the caller's sight answers 404, as if it did not exist. */
    private static void requireVisible(PetitionRow row, String id, io.wenzheng.kit.security.Sight sight) {
        if (row == null || !sight.allows(row.unitCode, row.supervisingUnits)) {
            throw ProblemException.notFound("petition " + id);
        }
    }

    private Uni<Void> apply(String id, CaseAction action, io.wenzheng.kit.security.Sight sight) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return PetitionRow.<PetitionRow>findById(id, LockModeType.PESSIMISTIC_WRITE)
                .chain(row -> {
                    requireVisible(row, id, sight);
                    CaseDecision decision = CaseDecision.decide(id,
                            new CaseDecision.CaseState(row.status, row.unitCode, row.unitName, row.supervisingUnits), action, now);
                    if (decision instanceof CaseDecision.Refused refused) {
                        throw new ProblemException(Problem.of(refused.status(), refused.title(), refused.detail()));
                    }
                    CaseDecision.Taken taken = (CaseDecision.Taken) decision;
                    PetitionEvent event = taken.event();
                    EventType type = EventType.of(event);
                    String unitBefore = row.unitCode;
                    row.status = taken.after().status();
                    row.unitCode = taken.after().unitCode();
                    row.unitName = taken.after().unitName();
                    row.supervisingUnits = taken.after().supervisingUnits();
                    row.updatedAt = now;
                    return outbox.append(event, now)
                            .chain(stored -> PetitionIntake.record(stored.eventId(), type.type(), source, now, EventJson.write(event), id)
                                    .chain(() -> feed.tell(row, unitBefore, stored.eventId(), event, now)))
                            .chain(() -> action.toCitizen() == null ? Uni.createFrom().voidItem()
                                    : io.wenzheng.intake.reply.ReplyDispatcher.enqueue(row, action.toCitizen(), link.of(row.trackingCode), now));
                });
    }
}
