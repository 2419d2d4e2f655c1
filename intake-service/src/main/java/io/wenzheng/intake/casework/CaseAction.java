package io.wenzheng.intake.casework;

import io.wenzheng.contracts.CitizenReplied;
import io.wenzheng.contracts.PetitionAwaitingCitizen;
import io.wenzheng.contracts.PetitionAccepted;
import io.wenzheng.contracts.PetitionEvent;
import io.wenzheng.contracts.PetitionProgressReported;
import io.wenzheng.contracts.PetitionRated;
import io.wenzheng.contracts.PetitionReopened;
import io.wenzheng.contracts.PetitionResolved;
import io.wenzheng.contracts.PetitionResponded;
import io.wenzheng.contracts.PetitionReturned;
import io.wenzheng.contracts.PetitionStatus;

import java.time.Instant;

/**
 * What the responsible unit (承办单位) or the citizen does with a petition after routing, and when each step is
 * allowed. Pure: the statuses that allow an action and the event it becomes.
 */
public sealed interface CaseAction {

    /** The unit that must hold the petition to act; null when the citizen acts. */
    String unitCode();

    boolean allowedIn(PetitionStatus status);

    PetitionEvent event(String petitionId, Instant at);

    /** How a refusal explains itself, e.g. "respond". */
    String verb();

    /** What the citizen is told on the petition's channel; null when the action says nothing to the citizen. */
    default String toCitizen() {
        return null;
    }

    /** 签收: the unit takes the petition on. Once, after routing or a transfer, and before it has answered. */
    record SignFor(String unitCode) implements CaseAction {
        public boolean allowedIn(PetitionStatus s) {
            return s == PetitionStatus.ROUTED || s == PetitionStatus.TRANSFERRED;
        }

        public PetitionEvent event(String id, Instant at) {
            return new PetitionAccepted(id, unitCode, at);
        }

        public String verb() {
            return "sign for it (only once, before answering)";
        }
    }

    /** 回退: the petition is not this unit's business; routing tries again. Only before the unit has acted. */
    record HandBack(String unitCode, String reason) implements CaseAction {
        public boolean allowedIn(PetitionStatus s) {
            return s.ordinal() <= PetitionStatus.ACCEPTED.ordinal();
        }

        public PetitionEvent event(String id, Instant at) {
            return new PetitionReturned(id, unitCode, reason, at);
        }

        public String verb() {
            return "hand back";
        }
    }

    /** The first response (有呼必应); it stops the first-response clock. Only once signed for, as the workbench shows it. */
    record Respond(String unitCode, String message) implements CaseAction {
        public boolean allowedIn(PetitionStatus s) {
            return s == PetitionStatus.ACCEPTED;
        }

        public PetitionEvent event(String id, Instant at) {
            return new PetitionResponded(id, unitCode, message, at);
        }

        public String toCitizen() {
            return message;
        }

        public String verb() {
            return "respond (once, after signing for it)";
        }
    }

    /** 进展: a progress update after the first response, at least every few working days. */
    record ReportProgress(String unitCode, String message) implements CaseAction {
        public boolean allowedIn(PetitionStatus s) {
            return s == PetitionStatus.RESPONDED || s == PetitionStatus.IN_PROGRESS || s == PetitionStatus.AWAITING_CITIZEN;
        }

        public PetitionEvent event(String id, Instant at) {
            return new PetitionProgressReported(id, unitCode, message, at);
        }

        public String toCitizen() {
            return message;
        }

        public String verb() {
            return "report progress (respond first)";
        }
    }

    /** The unit needs something from the citizen; the resolution clock may stop meanwhile. */
    record AskCitizen(String unitCode, String question) implements CaseAction {
        public boolean allowedIn(PetitionStatus s) {
            return s == PetitionStatus.RESPONDED || s == PetitionStatus.IN_PROGRESS;
        }

        public PetitionEvent event(String id, Instant at) {
            return new PetitionAwaitingCitizen(id, unitCode, question, at);
        }

        public String toCitizen() {
            return question;
        }

        public String verb() {
            return "ask the citizen (respond first; one question at a time)";
        }
    }

    /** The citizen's answer to the unit's question. */
    record CitizenAnswer(String message) implements CaseAction {
        public String unitCode() {
            return null;
        }

        public boolean allowedIn(PetitionStatus s) {
            return s == PetitionStatus.AWAITING_CITIZEN;
        }

        public PetitionEvent event(String id, Instant at) {
            return new CitizenReplied(id, message, at);
        }

        public String verb() {
            return "answer (no question is open)";
        }
    }

    /** 办结: the case is done. Once signed for; resolving at once also counts as the first response. */
    record Resolve(String unitCode, String summary) implements CaseAction {
        public boolean allowedIn(PetitionStatus s) {
            return s.ordinal() >= PetitionStatus.ACCEPTED.ordinal() && s.ordinal() < PetitionStatus.RESOLVED.ordinal();
        }

        public PetitionEvent event(String id, Instant at) {
            return new PetitionResolved(id, unitCode, summary, at);
        }

        public String toCitizen() {
            return summary;
        }

        public String verb() {
            return "resolve (after signing for it)";
        }
    }

    /** 满意度评价: the citizen rates the answer, once, after resolution; the petition closes. */
    record Rate(int rating, String comment) implements CaseAction {
        public String unitCode() {
            return null;
        }

        public boolean allowedIn(PetitionStatus s) {
            return s == PetitionStatus.RESOLVED;
        }

        public PetitionEvent event(String id, Instant at) {
            return new PetitionRated(id, rating, comment, at);
        }

        public String verb() {
            return "rate (only a resolved petition, once)";
        }
    }

    /** 重办: an unsatisfied citizen sends the case back to the same unit. */
    record Reopen(String reason) implements CaseAction {
        public String unitCode() {
            return null;
        }

        public boolean allowedIn(PetitionStatus s) {
            return s == PetitionStatus.RESOLVED || s == PetitionStatus.CLOSED;
        }

        public PetitionEvent event(String id, Instant at) {
            return new PetitionReopened(id, null, reason, at);
        }

        public String verb() {
            return "reopen (only a resolved petition)";
        }
    }
}
