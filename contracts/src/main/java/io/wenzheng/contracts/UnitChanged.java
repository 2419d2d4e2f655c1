package io.wenzheng.contracts;

import java.time.Instant;

/** A unit was added to the directory, changed, or removed; {@code unit} is as it is now, or as it was when removed. */
public record UnitChanged(
        String unitCode,
        DirectoryEvent.Change change,
        DirectoryUnit unit,
        /** The directory version the change belongs to: the loaded file's, or the loaded one edited since. */
        String directoryVersion,
        Instant changedAt) implements DirectoryEvent {

    @Override
    public String key() {
        return unitCode;
    }
}
