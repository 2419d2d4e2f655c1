package io.wenzheng.intake.unitcommand;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.wenzheng.contracts.CommandResult;
import io.wenzheng.contracts.MalformedEventException;
import io.wenzheng.contracts.Topics;
import io.wenzheng.contracts.UnitCommand;
import io.wenzheng.contracts.UnitCommandType;
import io.wenzheng.intake.casework.CaseAction;
import io.wenzheng.intake.casework.Casework;
import io.wenzheng.intake.unitfeed.UnitFeed;
import io.wenzheng.kit.DatabaseOutage;
import io.wenzheng.kit.audit.AuditLog;
import io.wenzheng.kit.inbox.EventConsumer;
import io.wenzheng.kit.problem.ProblemException;
import io.wenzheng.kit.security.Sight;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Units' own systems acting through Kafka. The unit is the one whose {@code unit.commands.<code>} topic the command
 * came on; only that unit's principal may write it. The command is decided exactly as the workbench's REST call
 * would be, and its result (accepted or refused) commits with its effect and its claim on the command id.
 */
@ApplicationScoped
public class UnitCommandConsumer {
    private static final Logger LOG = Logger.getLogger(UnitCommandConsumer.class);

    private final Casework casework;
    private final UnitFeed feed;
    private final AuditLog audit;
    private final Clock clock;

    @Inject
    public UnitCommandConsumer(Casework casework, UnitFeed feed, AuditLog audit, Clock clock) {
        this.casework = casework;
        this.feed = feed;
        this.audit = audit;
        this.clock = clock;
    }

    /** A command that could be read. */
    record Received(String unitCode, String topic, String commandId, UnitCommandType type, UnitCommand data, String source) {
    }

    @Incoming("unit-commands-in")
    public Uni<Void> receive(Message<String> message) {
        Received command;
        try {
            command = read(message);
        } catch (MalformedEventException e) {
            String topic = message.getMetadata(IncomingKafkaRecordMetadata.class).map(IncomingKafkaRecordMetadata::getTopic).orElse("?");
            LOG.warnf("%s: dead-lettering a command: %s", topic, e.getMessage());
            return audit(new AuditLog.Record("kafka:" + topic, "unit-system", unitOf(topic), "unreadable command", null, 400,
                            "kafka", null, null))
                    .onFailure().recoverWithNull()
                    .chain(() -> Uni.createFrom().completionStage(() -> message.nack(e)));
        }
        return Panache.withTransaction(() -> decide(command))
                .onFailure(DatabaseOutage::isCause).invoke(e -> LOG.warnf("%s: database unreachable, command %s waits: %s",
                        command.topic(), command.commandId(), e.toString()))
                .onFailure(DatabaseOutage::isCause).retry().withBackOff(Duration.ofMillis(500), Duration.ofSeconds(10)).indefinitely()
                .chain(result -> result == null ? Uni.createFrom().voidItem() : audit(command, result))
                .chain(() -> Uni.createFrom().completionStage(message::ack));
    }

    /** Null when the command id was seen before: a repeat changes nothing and is not answered again. */
    private Uni<CommandResult> decide(Received command) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String petitionId = command.data().petitionId();
        return EventConsumer.claim("unit-commands/" + command.unitCode(), command.commandId(), command.type().type())
                .chain(claimed -> {
                    if (!claimed) {
                        return Uni.createFrom().<CommandResult>nullItem();
                    }
                    CaseAction action = UnitCommandActions.of(command.type(), command.unitCode(), command.data());
                    return casework.applyWithin(petitionId, action, new Sight(Optional.of(command.unitCode())))
                            .map(status -> new CommandResult(petitionId, command.commandId(), command.type().type(),
                                    CommandResult.Outcome.ACCEPTED, null, status, now))
                            .onFailure(ProblemException.class).recoverWithItem(e -> refused(command, (ProblemException) e, now))
                            .call(result -> feed.publish(result, command.unitCode(), now));
                });
    }

    private static CommandResult refused(Received command, ProblemException e, Instant now) {
        var body = e.problem().body();
        return new CommandResult(command.data().petitionId(), command.commandId(), command.type().type(), CommandResult.Outcome.REFUSED,
                new CommandResult.Refusal(String.valueOf(body.get("title")), e.problem().status(),
                        body.get("detail") == null ? null : String.valueOf(body.get("detail"))),
                null, now);
    }

    static Received read(Message<String> message) {
        String topic = message.getMetadata(IncomingKafkaRecordMetadata.class).map(IncomingKafkaRecordMetadata::getTopic)
                .orElseThrow(() -> new MalformedEventException("not a Kafka record"));
        String unit = unitOf(topic);
        if (unit == null) {
            throw new MalformedEventException("topic " + topic + " is not a unit's command topic");
        }
        IncomingCloudEventMetadata<?> ce = message.getMetadata(IncomingCloudEventMetadata.class)
                .orElseThrow(() -> new MalformedEventException("not a CloudEvent: ce_* headers missing"));
        String id = UnitCommandActions.commandId(ce.getId());
        UnitCommandType type = UnitCommandType.ofType(ce.getType())
                .orElseThrow(() -> new MalformedEventException("unknown command type " + ce.getType()));
        String json = message.getPayload();
        if (json == null || json.isBlank()) {
            throw new MalformedEventException("command " + id + " has no data");
        }
        UnitCommand data = UnitCommand.read(json);
        data.text(type);
        if (ce.getSubject().isPresent() && !ce.getSubject().get().equals(data.petitionId())) {
            throw new MalformedEventException("subject " + ce.getSubject().get() + " does not match petitionId " + data.petitionId());
        }
        return new Received(unit, topic, id, type, data, String.valueOf(ce.getSource()));
    }

    static String unitOf(String topic) {
        return topic != null && topic.matches(Topics.UNIT_COMMANDS_PATTERN) ? topic.substring(Topics.UNIT_COMMANDS_PREFIX.length()) : null;
    }

    /** As a REST call is audited: who (the unit's system), what, which petition, and the HTTP status it amounts to. */
    private Uni<Void> audit(Received command, CommandResult result) {
        int outcome = result.outcome() == CommandResult.Outcome.ACCEPTED ? 200 : result.problem().status();
        return audit(new AuditLog.Record("kafka:" + command.topic(), "unit-system", command.unitCode(),
                command.type().type() + " " + command.commandId(), command.data().petitionId(), outcome, "kafka", command.source(), null));
    }

    private Uni<Void> audit(AuditLog.Record record) {
        return audit.append(record)
                .onFailure().invoke(e -> LOG.warnf("audit of a unit command failed: %s", e.toString()))
                .onFailure().recoverWithNull();
    }
}
